import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyMediaIds, isSafeLink, renderMarkdown } from './markdown';

const cases = path.resolve(import.meta.dirname, '../../../test/cases');
const payloads: string[] = readFileSync(path.join(cases, 'xss.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as string);

/** The tags the HTML really contains (escaped text such as &lt;script&gt; is not a tag). */
function tagsOf(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

describe('renderMarkdown over the XSS corpus', () => {
  it('reads every case line', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(10);
  });

  it.each(payloads)('renders %j without script, handlers or javascript: URLs', (payload) => {
    for (const source of [
      payload,
      `正文 ${payload} 结束`,
      `[链接](${payload})`,
      `![图](${payload})`,
    ]) {
      const html = renderMarkdown(source);
      expect(html).not.toMatch(/<script/i);
      for (const tag of tagsOf(html)) {
        expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
        expect(tag).not.toMatch(/javascript:/i);
        expect(tag).toMatch(/^<(p|a|img|br|em|strong|code|h[2-6])[\s>]/);
      }
    }
  });

  it('shows typed HTML as text', () => {
    expect(renderMarkdown('<b>粗</b>')).toBe('<p>&lt;b&gt;粗&lt;/b&gt;</p>\n');
  });
});

describe('links and pictures in a body', () => {
  it('keeps http, https, mailto and site paths, each with rel noopener noreferrer nofollow', () => {
    const html = renderMarkdown(
      '[a](https://www.shanghai.gov.cn) [b](/matters/QZ) [c](mailto:x@y.cn)',
    );
    expect(tagsOf(html).filter((t) => t.startsWith('<a'))).toEqual([
      '<a href="https://www.shanghai.gov.cn" rel="noopener noreferrer nofollow" target="_blank">',
      '<a href="/matters/QZ" rel="noopener noreferrer nofollow">',
      '<a href="mailto:x@y.cn" rel="noopener noreferrer nofollow">',
    ]);
  });

  it('refuses data:, vbscript:, protocol-relative and entity-disguised links', () => {
    for (const url of ['data:text/html,hi', 'vbscript:x', '//evil.example', 'JaVaScRiPt:x']) {
      expect(isSafeLink(url), url).toBe(false);
    }
    expect(renderMarkdown('[x](&#106;avascript:alert(1))')).not.toContain('href');
  });

  it('shows a picture from elsewhere as its alt text, and ours as an image', () => {
    expect(renderMarkdown('![外部](https://evil.example/x.png)')).toBe('<p>外部</p>\n');
    expect(renderMarkdown('![示意图](/api/public/education/media/abc123)')).toBe(
      '<p><img src="/api/public/education/media/abc123" alt="示意图" loading="lazy"></p>\n',
    );
  });

  it('moves headings one level down so the page keeps one h1', () => {
    expect(renderMarkdown('# 标题\n\n###### 最小')).toBe('<h2>标题</h2>\n<h6>最小</h6>\n');
  });

  it('lists the ids of our pictures a body shows, once each', () => {
    const body =
      '![a](/api/public/education/media/m1) ![b](/api/public/education/media/m2) ![a](/api/public/education/media/m1) ![c](https://x/y.png)';
    expect(bodyMediaIds(body)).toEqual(['m1', 'm2']);
  });
});
