import { describe, expect, it } from 'vitest';
import { autop } from '../../src/import/wordpress/autop.ts';
import { convertBody, placeImages, unclosedTags, type BodyContext } from '../../src/import/wordpress/body.ts';
import { embedHtml, videoEmbed } from '../../src/import/wordpress/embeds.ts';
import { embedBareUrls, expandShortcodes, parseAttributes } from '../../src/import/wordpress/shortcodes.ts';

const uploads = 'https://old.example/wp-content/uploads/2020/01';
const context: BodyContext = {
  baseUrl: 'https://old.example/2020/01/a-post/',
  link: (href) => (href === 'https://old.example/2019/12/earlier/' ? '/articles/earlier/' : href),
  attachment: (id) => (id === '7' || id === '8' ? { url: `${uploads}/g${id}.jpg`, alt: `Picture ${id}`, caption: id === '7' ? 'Seven' : '' } : undefined),
  attachedImages: () => [{ url: `${uploads}/attached.jpg`, alt: 'Attached', caption: '' }],
};

/** The Markdown with every image placed as `./<n>.jpg`. */
function markdown(html: string): string {
  const body = convertBody(html, context);
  return placeImages(body.markdown, body.images, new Map(body.images.map((image, index) => [image.url, `${index}.jpg`])));
}

describe('videoEmbed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=Hb7tQ2xkLw0', 'https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0'],
    ['https://youtu.be/Hb7tQ2xkLw0?t=90', 'https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0?start=90'],
    ['https://m.youtube.com/watch?v=Hb7tQ2xkLw0&amp;t=1m30s', 'https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0?start=90'],
    ['https://www.youtube.com/embed/Hb7tQ2xkLw0', 'https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0'],
    ['https://www.youtube.com/shorts/Hb7tQ2xkLw0', 'https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0'],
    ['https://vimeo.com/148751763', 'https://player.vimeo.com/video/148751763'],
    ['https://vimeo.com/channels/staffpicks/148751763', 'https://player.vimeo.com/video/148751763'],
    ['https://player.vimeo.com/video/148751763?h=abc', 'https://player.vimeo.com/video/148751763'],
  ])('%s plays from %s', (address, src) => {
    expect(videoEmbed(address)?.src).toBe(src);
  });

  it('knows nothing else', () => {
    for (const address of ['https://twitter.com/x/status/1', 'https://evil.example/watch?v=Hb7tQ2xkLw0', 'javascript:alert(1)', 'not a url', 'https://www.youtube.com/channel/abc']) {
      expect(videoEmbed(address), address).toBeUndefined();
    }
  });

  it('writes the iframe as article bodies hold one, titled', () => {
    expect(embedHtml(videoEmbed('https://vimeo.com/148751763')!, '')).toBe('<iframe src="https://player.vimeo.com/video/148751763" title="Vimeo video"></iframe>');
    expect(embedHtml(videoEmbed('https://youtu.be/Hb7tQ2xkLw0')!, 'Harbour "works"')).toContain('title="Harbour &quot;works&quot;"');
  });
});

describe('shortcodes', () => {
  it('reads attributes as WordPress does', () => {
    expect(parseAttributes(' id="attachment_5" align=\'center\' width=300 https://x.example/v')).toEqual({ id: 'attachment_5', align: 'center', width: '300', 0: 'https://x.example/v' });
  });

  it('turns [caption] into a figure, the words after the image its caption', () => {
    const { html } = expandShortcodes('[caption id="attachment_5" width="300"]<a href="x.jpg"><img src="x.jpg" alt="X" /></a> The caption[/caption]', context);
    expect(html).toBe('<figure class="wp-caption"><a href="x.jpg"><img src="x.jpg" alt="X" /></a><figcaption>The caption</figcaption></figure>');
  });

  it('turns [gallery] into figures of the attachments it names, or of all attached to the post', () => {
    expect(expandShortcodes('[gallery ids="7,8,99"]', context).html).toBe(
      `<figure class="wp-block-gallery"><figure><img src="${uploads}/g7.jpg" alt="Picture 7"><figcaption>Seven</figcaption></figure><figure><img src="${uploads}/g8.jpg" alt="Picture 8"></figure></figure>`,
    );
    expect(expandShortcodes('[gallery columns="2"]', context).html).toContain('attached.jpg');
  });

  it('turns video shortcodes into embed blocks, and reports and unwraps those that need the old site', () => {
    for (const code of ['[embed]https://youtu.be/Hb7tQ2xkLw0[/embed]', '[youtube https://youtu.be/Hb7tQ2xkLw0]', '[youtube=https://www.youtube.com/watch?v=Hb7tQ2xkLw0&amp;w=560]', '[vimeo 148751763]']) {
      expect(expandShortcodes(code, context).html, code).toMatch(/^<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https:\/\//);
    }
    expect(expandShortcodes('[embed]https://example.org/page[/embed]', context).html).toBe('<p><a href="https://example.org/page">https://example.org/page</a></p>');
    const expanded = expandShortcodes('[vc_row][vc_column]Inside[/vc_column][/vc_row] [contact-form-7 id="1"] [audio src="a.mp3"]', context);
    expect(expanded.html).toBe('Inside  ');
    expect(expanded.unconverted.sort()).toEqual(['audio', 'contact-form-7', 'vc_column', 'vc_row']);
  });

  it('leaves ordinary brackets and escaped shortcodes as text', () => {
    expect(expandShortcodes('He said [sic] it, and [[caption]] is how you write a shortcode.', context).html).toBe('He said [sic] it, and [caption] is how you write a shortcode.');
  });

  it('embeds a video address alone on its line, as WordPress shows it', () => {
    expect(embedBareUrls('Watch:\n\nhttps://youtu.be/Hb7tQ2xkLw0\n\nhttps://example.org/not-a-video')).toBe(
      'Watch:\n\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://youtu.be/Hb7tQ2xkLw0</div></figure>\n\nhttps://example.org/not-a-video',
    );
  });
});

describe('autop', () => {
  it('makes paragraphs of classic text and leaves blocks alone', () => {
    expect(autop('One line\nand its next.\n\n<h2>Heading</h2>\n\n<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>\n\nLast.')).toBe(
      '<p>One line<br>\nand its next.</p>\n\n<h2>Heading</h2>\n\n<ul>\n<li>a</li>\n\n<li>b</li>\n</ul>\n\n<p>Last.</p>',
    );
  });
});

describe('unclosedTags', () => {
  it('names elements left open, ignoring void elements and those HTML lets one leave open', () => {
    expect(unclosedTags('<p>One <em>two <strong>three</p><p>four<br><img src=x><li>five')).toEqual(['em', 'strong']);
    expect(unclosedTags('<div><p>fine</div>')).toEqual([]);
    expect(unclosedTags('<!-- <b> -->text')).toEqual([]);
  });
});

describe('convertBody', () => {
  it('converts block-editor posts: headings, lists, quotes, tables, links, images with captions, embeds, galleries', () => {
    const html = [
      '<!-- wp:heading {"level":1} --><h1>Top</h1><!-- /wp:heading -->',
      '<!-- wp:paragraph --><p>See <a href="https://old.example/2019/12/earlier/">the earlier story</a> and <a href="#notes">notes</a>.</p><!-- /wp:paragraph -->',
      '<!-- wp:list --><ol><li>First</li><li>Second</li></ol><!-- /wp:list -->',
      '<!-- wp:quote --><blockquote class="wp-block-quote"><p>Words.</p><cite>Speaker</cite></blockquote><!-- /wp:quote -->',
      '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></figure><!-- /wp:table -->',
      `<!-- wp:image --><figure class="wp-block-image"><img src="${uploads}/a-1024x768.jpg" alt="A"/><figcaption>Caption A</figcaption></figure><!-- /wp:image -->`,
      '<!-- wp:embed {"url":"https://vimeo.com/148751763"} --><figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/148751763\n</div><figcaption>The film</figcaption></figure><!-- /wp:embed -->',
      `<!-- wp:gallery --><figure class="wp-block-gallery"><figure class="wp-block-image"><img src="${uploads}/b.jpg" alt="B"/><figcaption>B caption</figcaption></figure><figure class="wp-block-image"><img src="${uploads}/c.jpg" alt="C"/></figure><figcaption class="blocks-gallery-caption">Both</figcaption></figure><!-- /wp:gallery -->`,
    ].join('\n\n');
    expect(markdown(html)).toBe(
      [
        '## Top',
        'See [the earlier story](/articles/earlier/) and [notes](#notes).',
        '1. First\n2. Second',
        '> Words.\n>\n> Speaker',
        '| A   |\n| --- |\n| 1   |',
        '![A](./0.jpg)',
        '*Caption A*',
        '<iframe src="https://player.vimeo.com/video/148751763" title="The film"></iframe>',
        '*The film*',
        '![B](./1.jpg)',
        '*B caption*',
        '![C](./2.jpg)',
        '*Both*',
      ].join('\n\n'),
    );
  });

  it('converts classic posts: paragraphs, captions, galleries, bare video addresses; an image links to itself no more', () => {
    const html = `Para one.\n\n[caption width="300"]<a href="${uploads}/x.jpg"><img src="${uploads}/x-300x200.jpg" alt="X" /></a> X marks it[/caption]\n\n[gallery ids="7"]\n\nhttps://youtu.be/Hb7tQ2xkLw0\n\nPara two.`;
    expect(markdown(html)).toBe(
      ['Para one.', '![X](./0.jpg)', '*X marks it*', '![Picture 7](./1.jpg)', '*Seven*', '<iframe src="https://www.youtube-nocookie.com/embed/Hb7tQ2xkLw0" title="YouTube video"></iframe>', 'Para two.'].join('\n\n'),
    );
  });

  it('keeps what Markdown cannot say as HTML for the sanitiser, and notes it', () => {
    const body = convertBody('<p>Text</p><script>alert(1)</script><iframe src="https://evil.example/x"></iframe><details ontoggle="x()"><summary>S</summary>\n\nMore</details><p>H<sub>2</sub>O</p>', context);
    expect(body.markdown).toBe('Text\n\n<script>alert(1)</script>\n\n<iframe src="https://evil.example/x"></iframe>\n\n<details ontoggle="x()"><summary>S</summary> More</details>\n\nH<sub>2</sub>O');
    expect(body.notes).toEqual(["HTML kept for the build's sanitiser, which removes what is unsafe: <script>, <iframe>"]);
  });

  it('drops emphasis that HTML left open across paragraphs, and notes the open tags', () => {
    const body = convertBody('<p>By <em>half a length.</p>\n<div><p>Next</div>\n<p>Last', context);
    expect(body.markdown).toBe('By *half a length.*\n\nNext\n\nLast');
    expect(body.notes).toEqual(['HTML left open in WordPress, closed on import: <em>']);
  });

  it('finds a lazy-loaded picture in its data attribute, and resolves relative addresses against the post', () => {
    const body = convertBody('<!-- wp:image --><figure><img src="data:image/gif;base64,R0lGOD" data-lazy-src="/wp-content/uploads/2020/01/lazy.jpg" alt="L"></figure><!-- /wp:image -->', context);
    expect(body.images.map((image) => image.url)).toEqual(['https://old.example/wp-content/uploads/2020/01/lazy.jpg']);
  });

  it('removes an image it could not get, with its caption, and leaves the rest', () => {
    const body = convertBody(`<!-- wp:image --><figure><img src="${uploads}/gone.jpg" alt="Gone"><figcaption>Gone caption</figcaption></figure><!-- /wp:image --><p>After <img src="${uploads}/inline.png" alt="i"> text.</p>`, context);
    expect(placeImages(body.markdown, body.images, new Map([[`${uploads}/inline.png`, 'inline.png']]))).toBe('After ![i](./inline.png) text.');
  });

  it('lists a shortcode it could not convert', () => {
    const body = convertBody('Sign up: [mc4wp_form id="3"] today.', context);
    expect(body.markdown).toBe('Sign up: today.');
    expect(body.notes).toEqual(['shortcodes that could not be converted, removed (their text kept): [mc4wp_form]']);
    expect(expandShortcodes('[audio src="a.mp3"] and [caption]<img src="x.jpg" alt="">A[/caption]', context).html).toBe(' and <figure class="wp-caption"><img src="x.jpg" alt=""><figcaption>A</figcaption></figure>');
  });
});
