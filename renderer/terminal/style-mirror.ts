// xterm.js writes part of its CSS (the DOM renderer's fonts, cell sizes and colours; the scrollbar's colours) into
// `<style>` elements, which our strict CSP (`style-src 'self'`) blocks. The CSP does not govern constructed style
// sheets (CSSOM), so each such element inside a terminal is mirrored into one, adopted by the document, and kept in
// step with the element's text until the element goes or the mirror is stopped.

export function mirrorStyleElements(root: HTMLElement, doc: Document = root.ownerDocument): () => void {
  const sheets = new Map<HTMLStyleElement, { sheet: CSSStyleSheet; text: string }>();
  const adopt = (sheet: CSSStyleSheet) => (doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]);
  const drop = (sheet: CSSStyleSheet) => (doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet));
  const sync = () => {
    for (const el of root.querySelectorAll('style')) {
      const text = el.textContent ?? '';
      const known = sheets.get(el);
      if (known?.text === text) continue;
      const sheet = known?.sheet ?? new CSSStyleSheet();
      sheet.replaceSync(text);
      if (!known) adopt(sheet);
      sheets.set(el, { sheet, text });
    }
    for (const [el, { sheet }] of sheets) {
      if (root.contains(el)) continue;
      drop(sheet);
      sheets.delete(el);
    }
  };
  const observer = new MutationObserver(sync);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  sync();
  return () => {
    observer.disconnect();
    for (const { sheet } of sheets.values()) drop(sheet);
    sheets.clear();
  };
}
