/** A neutral placeholder while a chunk or a language loads; it has no text to translate. */
export function PageLoading() {
  return (
    <div aria-busy="true" style={{ display: 'flex', justifyContent: 'center', padding: '30vh 0' }}>
      <div
        style={{
          width: 32,
          height: 32,
          borderRadius: '50%',
          border: '3px solid #d6e4f5',
          borderTopColor: '#0b5cad',
          animation: 'linli-spin 0.8s linear infinite',
        }}
      />
      <style>{'@keyframes linli-spin { to { transform: rotate(360deg); } }'}</style>
    </div>
  );
}
