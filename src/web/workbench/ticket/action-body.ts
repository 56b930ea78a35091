/** The request body from the form values: trimmed, optional fields left out when empty. */
export function actionBody(values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const cleaned = typeof value === 'string' ? value.trim() : value;
    if (cleaned !== '' && cleaned !== undefined && cleaned !== null) {
      body[name] = cleaned;
    }
  }
  return body;
}
