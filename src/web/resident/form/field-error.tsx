interface FieldErrorProps {
  id: string;
  message: string | null | undefined;
  testId: string;
}

/** The message under a field that is wrong, already translated. */
export function FieldError({ id, message, testId }: FieldErrorProps) {
  if (!message) {
    return null;
  }
  return (
    <p className="r-field-error" id={id} role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
