interface LoadingProps {
  readonly label: string;
}

/** A polite, screen-reader-announced loading line. */
export function Loading({ label }: LoadingProps) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}…
    </p>
  );
}
