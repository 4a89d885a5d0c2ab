"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";

interface ItemActionsProps {
  /** Which kind of item the buttons act on: their names say it. */
  noun: "option" | "question";
  /** What the item says (its label or prompt), to name it in the buttons; its position when empty. */
  text: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/**
 * Up, Down and Remove for one item of a list, named for the item ("Move option “Heron” up"), so a
 * screen reader user knows which of many identical buttons they are on. After a move, focus
 * stays on the item's button (React moves the row, and moving a node drops its focus); at the
 * top or bottom, where that button is disabled, it goes to the other direction's.
 */
export function ItemActions({ noun, text, index, count, onMove, onRemove }: ItemActionsProps) {
  const t = useTranslations("form.itemActions");
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const refocusRef = useRef<"up" | "down" | null>(null);

  useEffect(() => {
    const wanted = refocusRef.current;
    if (!wanted) return;
    refocusRef.current = null;
    const [first, second] = wanted === "up" ? [upRef.current, downRef.current] : [downRef.current, upRef.current];
    (first && !first.disabled ? first : second)?.focus();
  }, [index]);

  const name = text.trim() ? t("named", { noun, text: text.trim() }) : t("numbered", { noun, number: index + 1 });
  const move = (direction: "up" | "down") => {
    refocusRef.current = direction;
    onMove(direction === "up" ? index - 1 : index + 1);
  };
  return (
    <div className="actions" style={{ marginTop: "0.5rem" }}>
      <button
        ref={upRef}
        type="button"
        className="secondary"
        disabled={index === 0}
        onClick={() => move("up")}
        aria-label={t("moveUp", { name })}
      >
        {t("up")}
      </button>
      <button
        ref={downRef}
        type="button"
        className="secondary"
        disabled={index === count - 1}
        onClick={() => move("down")}
        aria-label={t("moveDown", { name })}
      >
        {t("down")}
      </button>
      <button type="button" className="secondary" onClick={onRemove} aria-label={t("remove", { name })}>
        {t("removeButton")}
      </button>
    </div>
  );
}
