"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, ConfirmDialog, Dialog, DialogClose, Field, Input } from "@landslide/ui/components";
import { GallerySection, Row } from "./gallery-section";

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A dialog and the confirmation dialogs, opened by their buttons (the visual tests open them). */
export function Overlays() {
  const t = useTranslations("designSystem.dialogs");
  const [outcome, setOutcome] = useState<string>();
  return (
    <GallerySection id="dialogs" title={t("title")} intro={t("intro")}>
      <Row>
        <Dialog
          title={t("renameTitle")}
          description={t("renameText")}
          trigger={<Button variant="secondary">{t("open")}</Button>}
          footer={
            <>
              <DialogClose>
                <Button variant="secondary">{t("cancel")}</Button>
              </DialogClose>
              <DialogClose>
                <Button onClick={() => setOutcome(t("renamed"))}>{t("rename")}</Button>
              </DialogClose>
            </>
          }
        >
          <Field label={t("newName")}>
            <Input defaultValue={t("sampleName")} />
          </Field>
        </Dialog>
        <ConfirmDialog
          title={t("voidTitle")}
          body={t("voidText")}
          confirmLabel={t("void")}
          cancelLabel={t("cancel")}
          onConfirm={async () => {
            await pause(600);
            setOutcome(t("voided"));
          }}
          trigger={<Button variant="danger">{t("voidTrigger")}</Button>}
        />
        <ConfirmDialog
          title={t("certifyTitle")}
          body={t("certifyText")}
          confirmLabel={t("certify")}
          cancelLabel={t("cancel")}
          tone="primary"
          confirmText={t("sampleName")}
          onConfirm={() => setOutcome(t("certified"))}
          trigger={<Button>{t("certifyTrigger")}</Button>}
        />
        <ConfirmDialog
          title={t("closeTitle")}
          body={t("closeText")}
          confirmLabel={t("close")}
          cancelLabel={t("cancel")}
          onConfirm={() => Promise.reject(new Error(t("closeFailed")))}
          trigger={<Button variant="secondary">{t("failing")}</Button>}
        />
      </Row>
      <p role="status" className="muted">
        {outcome ?? t("nothingYet")}
      </p>
    </GallerySection>
  );
}
