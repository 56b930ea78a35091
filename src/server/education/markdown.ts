// Markdown of education items, rendered on the server into HTML the public page can insert as it
// is: raw HTML is off, links only to http, https, mailto or our own paths, pictures only from our
// own media URLs, headings moved one level down so the page keeps its single h1.
import MarkdownIt, { type Token } from 'markdown-it';

/**
 * Where the browser loads one education picture or video; the only image source the body may use.
 */
export function mediaUrl(id: string): string {
  return `/api/public/education/media/${id}`;
}

const mediaPath = /^\/api\/public\/education\/media\/([A-Za-z0-9_-]{1,64})$/;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;
const safeScheme = /^(https?:|mailto:)/i;

/**
 * Whether a link may be followed: http, https and mailto, or a path on this site. Any other
 * scheme (javascript:, data:, vbscript:, file:), protocol-relative `//host` and any other colon
 * are refused; markdown-it has already decoded entities and percent-encoded the rest by now.
 */
export function isSafeLink(url: string): boolean {
  const href = url.trim();
  if (safeScheme.test(href)) {
    return true;
  }
  if (href.startsWith('//') || href.startsWith('\\')) {
    return false;
  }
  // A path of ours has no colon; one that has can only be a disguised scheme or a mistake.
  return !anyScheme.test(href) && !href.includes(':');
}

/** The id of one of our media files when `src` is its URL, else null. */
export function mediaIdOf(src: string): string | null {
  return mediaPath.exec(src)?.[1] ?? null;
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = isSafeLink;
  const rules = md.renderer.rules;

  rules.link_open = (tokens, idx, options, _env, self) => {
    const token = tokens[idx] as Token;
    token.attrSet('rel', 'noopener noreferrer nofollow');
    if (/^https?:/i.test(token.attrGet('href') ?? '')) {
      token.attrSet('target', '_blank');
    }
    return self.renderToken(tokens, idx, options);
  };

  // A picture from anywhere else is shown as its alt text: no request leaves for another host.
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx] as Token;
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const id = mediaIdOf(token.attrGet('src') ?? '');
    if (!id) {
      return md.utils.escapeHtml(alt);
    }
    const title = token.attrGet('title');
    const titleAttr = title ? ` title="${md.utils.escapeHtml(title)}"` : '';
    return `<img src="${mediaUrl(id)}" alt="${md.utils.escapeHtml(alt)}"${titleAttr} loading="lazy">`;
  };

  const shiftHeading = (tokens: Token[], idx: number) => {
    const token = tokens[idx] as Token;
    const level = Math.min(6, Number(token.tag.slice(1)) + 1);
    return token.nesting === 1 ? `<h${level}>` : `</h${level}>\n`;
  };
  rules.heading_open = shiftHeading;
  rules.heading_close = shiftHeading;
  return md;
}

const renderer = createRenderer();

/** Renders an item's Markdown body into safe HTML. */
export function renderMarkdown(source: string): string {
  return renderer.render(source);
}

function collectImages(tokens: Token[], into: string[]): void {
  for (const token of tokens) {
    if (token.type === 'image') {
      const id = mediaIdOf(token.attrGet('src') ?? '');
      if (id && !into.includes(id)) {
        into.push(id);
      }
    }
    if (token.children) {
      collectImages(token.children, into);
    }
  }
}

/** The ids of our own pictures a body shows, in order of first appearance. */
export function bodyMediaIds(source: string): string[] {
  const ids: string[] = [];
  collectImages(renderer.parse(source, {}), ids);
  return ids;
}
