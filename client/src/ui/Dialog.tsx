// A dialog on the native <dialog> element: modal (focus trap and Escape come with it), or a non-modal
// panel beside the page (`modal={false}`) that leaves the page usable, closed with Escape too.
import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** False: a panel that does not block the page behind it. */
  modal?: boolean;
}

export function Dialog({ open, title, onClose, children, modal = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (modal) dialog.showModal();
      else dialog.show();
    }
    if (!open && dialog.open) dialog.close();
  }, [open, modal]);
  return (
    <dialog
      ref={ref}
      className={modal ? 'dialog' : 'dialog dialog-panel'}
      aria-labelledby="dialog-title"
      onClose={onClose}
      onKeyDown={(e) => {
        if (!modal && e.key === 'Escape') onClose();
      }}
    >
      {open && (
        <div className="dialog-body">
          <h2 id="dialog-title">{title}</h2>
          {children}
        </div>
      )}
    </dialog>
  );
}
