"use client";

import { Button, ConfirmDialog, Dialog, DialogClose, Field, Input } from "@landslide/ui/components";
import { useState } from "react";
import { GallerySection, Row } from "./gallery-section";

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A dialog and the confirmation dialogs, opened by their buttons (the visual tests open them). */
export function Overlays() {
  const [outcome, setOutcome] = useState("Nothing confirmed yet.");
  return (
    <GallerySection
      id="dialogs"
      title="Dialogs"
      intro="Focus stays inside while open; Esc closes; focus returns to the button."
    >
      <Row>
        <Dialog
          title="Rename the election"
          description="Voters see the new name at once, on the ballot and the results page."
          trigger={<Button variant="secondary">Open a dialog</Button>}
          footer={
            <>
              <DialogClose>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <DialogClose>
                <Button onClick={() => setOutcome("Renamed.")}>Rename</Button>
              </DialogClose>
            </>
          }
        >
          <Field label="New name">
            <Input defaultValue="City council 2026" />
          </Field>
        </Dialog>
        <ConfirmDialog
          title="Void 12 held ballots?"
          body="They will never be counted. This cannot be undone."
          confirmLabel="Void ballots"
          onConfirm={async () => {
            await pause(600);
            setOutcome("12 ballots voided.");
          }}
          trigger={<Button variant="danger">Void ballots…</Button>}
        />
        <ConfirmDialog
          title="Certify the results?"
          body="Certified results are final and published."
          confirmLabel="Certify"
          tone="primary"
          confirmText="City council 2026"
          onConfirm={() => setOutcome("Certified.")}
          trigger={<Button>Certify…</Button>}
        />
        <ConfirmDialog
          title="Close voting now?"
          body="Voters still on the ballot page will be refused."
          confirmLabel="Close voting"
          onConfirm={() => Promise.reject(new Error("The control API did not answer. Nothing changed."))}
          trigger={<Button variant="secondary">A confirmation that fails…</Button>}
        />
      </Row>
      <p role="status" className="muted">
        {outcome}
      </p>
    </GallerySection>
  );
}
