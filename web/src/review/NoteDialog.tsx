import { useEffect, useId, useRef, useState } from 'react';

interface NoteDialogProps {
  open: boolean;
  title: string;
  noteLabel: string;
  confirm: string;
  cancel: string;
  onConfirm(note: string): void;
  onCancel(): void;
}

/**
 * A decision that speaks to the speaker (reject, cancel): the browser's modal <dialog> with the
 * message to send. Focus goes to the message, stays inside, Escape closes without acting.
 */
export function NoteDialog({ open, title, noteLabel, confirm, cancel, onConfirm, onCancel }: NoteDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState('');
  const titleId = useId();
  const noteId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setNote('');
      dialog.showModal();
      noteRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="confirm" aria-labelledby={titleId} onCancel={onCancel} onClose={() => open && onCancel()}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm(note);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="field">
          <label htmlFor={noteId}>{noteLabel}</label>
          <textarea id={noteId} ref={noteRef} value={note} maxLength={2000} rows={4} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={onCancel}>
            {cancel}
          </button>
          <button type="submit" className="danger">
            {confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
