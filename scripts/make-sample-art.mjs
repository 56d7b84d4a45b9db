#!/usr/bin/env node
/**
 * Builds the illustrations of the sample content: abstract, seeded artwork
 * drawn as SVG and encoded as JPEG with sharp. No network, no randomness
 * beyond a seed derived from each file's name, so every run writes the same
 * bytes.
 *
 *   node scripts/make-sample-art.mjs            # writes every image
 *   node scripts/make-sample-art.mjs --check    # lists what would be written
 *
 * Heroes are 1600×900 (`content/articles/<slug>/hero.jpg`), avatars 400×400
 * (`content/authors/<id>.jpg`). Credit line for all of them:
 * "Illustration: Broadsheet generative art".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createRandom } from '../src/lib/random.ts';
import { findArticleFolder } from '../src/content/article-files.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const contentDir = path.join(root, 'content');

// One thread: the machines this runs on are small, and the output must not
// depend on scheduling.
sharp.concurrency(1);
sharp.cache(false);

const JPEG = { quality: 78, mozjpeg: true, chromaSubsampling: '4:2:0' };

/** Palettes per topic: background pair, then accents (dark to light). */
const PALETTES = {
  world: { bg: ['#12304a', '#1f5a6e'], ink: ['#e9dcc3', '#c98f4a', '#5fa7a0', '#f4efe4', '#0b1f30'] },
  diplomacy: { bg: ['#1b2452', '#2d3f7c'], ink: ['#d9b45a', '#f3ead3', '#8fa6d8', '#b5493b', '#101633'] },
  technology: { bg: ['#0f1430', '#2a1f5c'], ink: ['#39c6d9', '#e05bb5', '#7c8cff', '#e8f1ff', '#070a1c'] },
  economy: { bg: ['#183a2e', '#2f5c43'], ink: ['#d9a441', '#efe6cf', '#88b07a', '#c2553b', '#0d2119'] },
  climate: { bg: ['#0f4a52', '#1e7170'], ink: ['#f29a4b', '#f6e7c8', '#7cc6c0', '#d8503e', '#082c31'] },
  science: { bg: ['#2b1848', '#4a2c6e'], ink: ['#b9e36b', '#f2eee2', '#9b8cf0', '#f0a35e', '#170c29'] },
};

/**
 * The heroes: slug, palette and motif. The alt text in each article's
 * frontmatter describes what the motif draws, so change both together.
 */
const HEROES = [
  { slug: 'un-water-talks-geneva-shared-rivers', palette: 'diplomacy', motif: 'rivers' },
  { slug: 'cable-repair-ships-shortage', palette: 'technology', motif: 'network' },
  { slug: 'eu-chip-subsidy-review', palette: 'economy', motif: 'grid' },
  { slug: 'greenland-glacier-fronts-seabed-sensors', palette: 'science', motif: 'contours' },
  { slug: 'mekong-drought-rice-farmers', palette: 'climate', motif: 'bands' },
  { slug: 'west-africa-ports-shared-customs-software', palette: 'world', motif: 'grid' },
  { slug: 'baltic-ferries-satellite-navigation-interference', palette: 'world', motif: 'rings' },
  { slug: 'open-source-maintainers-public-funding', palette: 'technology', motif: 'grid' },
  { slug: 'remittance-fees-fall-mobile-transfers', palette: 'economy', motif: 'network' },
  { slug: 'exascale-ocean-model-first-runs', palette: 'science', motif: 'bands' },
  { slug: 'south-asia-heat-warnings-cities', palette: 'climate', motif: 'circles' },
  { slug: 'wto-fisheries-subsidies-talks', palette: 'diplomacy', motif: 'bands' },
  { slug: 'space-debris-norms-vienna-talks', palette: 'diplomacy', motif: 'rings' },
  { slug: 'battery-recycling-europe-capacity', palette: 'economy', motif: 'circles' },
  { slug: 'measles-catch-up-campaigns-data', palette: 'science', motif: 'circles' },
  { slug: 'pacific-states-shipping-emissions-levy', palette: 'climate', motif: 'rivers' },
  { slug: 'southeast-asia-port-terminals-congestion', palette: 'economy', motif: 'bands' },
  { slug: 'banks-post-quantum-encryption-migration', palette: 'technology', motif: 'rings' },
  { slug: 'statistics-offices-platform-work-definition', palette: 'economy', motif: 'grid' },
  { slug: 'mobile-networks-restored-after-typhoon-luzon', palette: 'world', motif: 'network' },
  { slug: 'leap-second-phase-out-timekeepers', palette: 'science', motif: 'rings' },
  { slug: 'small-island-states-sea-level-statehood', palette: 'diplomacy', motif: 'contours' },
  { slug: 'nairobi-electric-motorbike-taxis', palette: 'world', motif: 'rivers' },
  { slug: 'ocean-science-ministerial-lisbon-preview', palette: 'science', motif: 'contours' },
];

/** The avatars: author id, two colours and a portrait variant. */
const AVATARS = [
  { id: 'amara-okafor', field: '#d9a441', figure: '#1b2452', accent: '#b5493b', variant: 1 },
  { id: 'tomas-lindqvist', field: '#39c6d9', figure: '#0f1430', accent: '#e05bb5', variant: 0 },
  { id: 'priya-raman', field: '#88b07a', figure: '#183a2e', accent: '#efe6cf', variant: 1 },
  { id: 'jonah-mercer', field: '#f29a4b', figure: '#0f4a52', accent: '#f6e7c8', variant: 2 },
  { id: 'lucia-ferreira', field: '#9b8cf0', figure: '#2b1848', accent: '#b9e36b', variant: 3 },
  { id: 'hana-kobayashi', field: '#e9dcc3', figure: '#12304a', accent: '#c98f4a', variant: 2 },
  { id: 'elias-haddad', field: '#8fa6d8', figure: '#101633', accent: '#d9b45a', variant: 0 },
];

// ---------------------------------------------------------------------------
// Seeded randomness

/** FNV-1a, 32 bits: turns a name into a seed. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}


/** Fixed precision keeps the SVG text, and so the output, stable. */
const n = (value) => (Math.round(value * 10) / 10).toString();

/** A closed, smooth path through points (Catmull-Rom turned into cubic Béziers). */
function smoothClosed(points) {
  const count = points.length;
  let d = `M${n(points[0][0])} ${n(points[0][1])}`;
  for (let i = 0; i < count; i++) {
    const p0 = points[(i - 1 + count) % count];
    const p1 = points[i];
    const p2 = points[(i + 1) % count];
    const p3 = points[(i + 2) % count];
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p2[0])} ${n(p2[1])}`;
  }
  return `${d}Z`;
}

/** An open, smooth path through points. */
function smoothOpen(points) {
  let d = `M${n(points[0][0])} ${n(points[0][1])}`;
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${n(c1[0])} ${n(c1[1])} ${n(c2[0])} ${n(c2[1])} ${n(p2[0])} ${n(p2[1])}`;
  }
  return d;
}

// ---------------------------------------------------------------------------
// Hero motifs. Each returns SVG elements for a W×H canvas.

const W = 1600;
const H = 900;

/** Map-like contour lines around a few summits, with a filled "land" mass. */
function contours(r, ink) {
  const out = [];
  const summits = Array.from({ length: r.int(2, 3) }, () => ({
    x: r.range(W * 0.2, W * 0.8),
    y: r.range(H * 0.25, H * 0.75),
    phases: [r.range(0, 6.28), r.range(0, 6.28), r.range(0, 6.28)],
    amps: [r.range(0.08, 0.2), r.range(0.05, 0.14), r.range(0.02, 0.07)],
    stretch: r.range(1.1, 1.7),
  }));
  summits.forEach((s, index) => {
    const rings = r.int(9, 14);
    for (let k = rings; k >= 1; k--) {
      const radius = k * r.range(34, 42);
      const points = [];
      for (let i = 0; i < 48; i++) {
        const t = (i / 48) * Math.PI * 2;
        const wobble =
          1 + s.amps[0] * Math.sin(2 * t + s.phases[0] + k * 0.15) + s.amps[1] * Math.sin(3 * t + s.phases[1]) + s.amps[2] * Math.sin(5 * t + s.phases[2] - k * 0.2);
        points.push([s.x + Math.cos(t) * radius * wobble * s.stretch, s.y + Math.sin(t) * radius * wobble]);
      }
      const filled = k <= 3 && index === 0;
      out.push(
        `<path d="${smoothClosed(points)}" fill="${filled ? ink[k % 2 === 0 ? 0 : 2] : 'none'}" fill-opacity="${filled ? 0.55 : 0}" stroke="${ink[k % 3 === 0 ? 0 : 1]}" stroke-opacity="${n(0.35 + 0.04 * (rings - k))}" stroke-width="${k % 4 === 0 ? 3 : 1.6}"/>`,
      );
    }
  });
  // A coastline-like band along the bottom.
  const shore = [];
  for (let i = 0; i <= 16; i++) shore.push([(i / 16) * W, H * 0.86 + Math.sin(i * 0.9 + r.range(0, 0.6)) * 24]);
  out.push(`<path d="${smoothOpen(shore)}L${W} ${H}L0 ${H}Z" fill="${ink[4]}" fill-opacity="0.55"/>`);
  return out;
}

/** Wavy horizontal bands, like strata or a river seen from above. */
function bands(r, ink) {
  const out = [];
  const count = r.int(6, 9);
  const tilt = r.range(-0.12, 0.12);
  for (let b = 0; b < count; b++) {
    const top = (b / count) * H * 1.1 - H * 0.05;
    const amp = r.range(18, 60);
    const freq = r.range(1.2, 2.6);
    const phase = r.range(0, 6.28);
    const edge = [];
    for (let i = 0; i <= 12; i++) {
      const x = (i / 12) * W;
      edge.push([x, top + Math.sin((i / 12) * Math.PI * freq + phase) * amp + (x - W / 2) * tilt]);
    }
    const colour = ink[b % 4];
    out.push(`<path d="${smoothOpen(edge)}L${W} ${H}L0 ${H}Z" fill="${colour}" fill-opacity="${n(r.range(0.25, 0.6))}"/>`);
  }
  // A few sun or buoy discs.
  for (let i = 0; i < r.int(1, 3); i++) {
    out.push(`<circle cx="${n(r.range(120, W - 120))}" cy="${n(r.range(80, H * 0.45))}" r="${n(r.range(40, 110))}" fill="${ink[3]}" fill-opacity="0.85"/>`);
  }
  return out;
}

/** Overlapping translucent discs of various sizes. */
function circles(r, ink) {
  const out = [];
  const count = r.int(14, 22);
  for (let i = 0; i < count; i++) {
    const radius = r.pick([r.range(30, 80), r.range(90, 180), r.range(200, 320)]);
    out.push(
      `<circle cx="${n(r.range(-100, W + 100))}" cy="${n(r.range(-80, H + 80))}" r="${n(radius)}" fill="${ink[i % 4]}" fill-opacity="${n(r.range(0.18, 0.55))}"/>`,
    );
  }
  for (let i = 0; i < 4; i++) {
    out.push(
      `<circle cx="${n(r.range(200, W - 200))}" cy="${n(r.range(150, H - 150))}" r="${n(r.range(120, 300))}" fill="none" stroke="${ink[3]}" stroke-width="2" stroke-opacity="0.6"/>`,
    );
  }
  return out;
}

/** A grid of tiles, some filled, some outlined, some with a quarter circle. */
function grid(r, ink) {
  const out = [];
  const cell = r.pick([80, 100, 120]);
  const cols = Math.ceil(W / cell);
  const rows = Math.ceil(H / cell);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const roll = r.next();
      const px = x * cell;
      const py = y * cell;
      if (roll < 0.22) {
        out.push(`<rect x="${px + 6}" y="${py + 6}" width="${cell - 12}" height="${cell - 12}" fill="${r.pick(ink.slice(0, 3))}" fill-opacity="0.8"/>`);
      } else if (roll < 0.36) {
        const corner = r.int(0, 3);
        const cx = px + (corner % 2 ? cell : 0);
        const cy = py + (corner > 1 ? cell : 0);
        out.push(
          `<path d="M${cx} ${cy}L${cx + (corner % 2 ? -cell : cell)} ${cy}A${cell} ${cell} 0 0 ${corner === 1 || corner === 2 ? 0 : 1} ${cx} ${cy + (corner > 1 ? -cell : cell)}Z" fill="${r.pick(ink.slice(0, 4))}" fill-opacity="0.75"/>`,
        );
      } else if (roll < 0.5) {
        out.push(`<rect x="${px + 10}" y="${py + 10}" width="${cell - 20}" height="${cell - 20}" fill="none" stroke="${ink[3]}" stroke-opacity="0.45" stroke-width="2"/>`);
      } else if (roll < 0.6) {
        out.push(`<circle cx="${px + cell / 2}" cy="${py + cell / 2}" r="${cell / 8}" fill="${ink[3]}" fill-opacity="0.7"/>`);
      }
    }
  }
  return out;
}

/** Concentric rings around an off-centre point, with a few orbiting dots. */
function rings(r, ink) {
  const out = [];
  const cx = r.range(W * 0.3, W * 0.7);
  const cy = r.range(H * 0.35, H * 0.65);
  const count = r.int(10, 16);
  const step = r.range(38, 60);
  for (let k = count; k >= 1; k--) {
    const dash = k % 3 === 0 ? ` stroke-dasharray="${r.int(4, 14)} ${r.int(8, 22)}"` : '';
    out.push(
      `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(k * step)}" fill="none" stroke="${ink[k % 4]}" stroke-width="${k % 5 === 0 ? 5 : 2}" stroke-opacity="${n(0.4 + 0.03 * (count - k))}"${dash}/>`,
    );
  }
  out.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(step * 0.7)}" fill="${ink[0]}"/>`);
  for (let i = 0; i < r.int(6, 12); i++) {
    const k = r.int(2, count);
    const t = r.range(0, Math.PI * 2);
    out.push(`<circle cx="${n(cx + Math.cos(t) * k * step)}" cy="${n(cy + Math.sin(t) * k * step)}" r="${n(r.range(6, 16))}" fill="${ink[r.int(0, 3)]}"/>`);
  }
  return out;
}

/** Nodes joined by curved links, like a network or shipping lanes. */
function network(r, ink) {
  const out = [];
  const nodes = Array.from({ length: r.int(14, 20) }, () => [r.range(80, W - 80), r.range(80, H - 80)]);
  // Soft land masses behind.
  for (let i = 0; i < 3; i++) {
    const x = r.range(0, W);
    const y = r.range(0, H);
    const points = [];
    for (let j = 0; j < 10; j++) {
      const t = (j / 10) * Math.PI * 2;
      const rad = r.range(140, 300);
      points.push([x + Math.cos(t) * rad * 1.4, y + Math.sin(t) * rad]);
    }
    out.push(`<path d="${smoothClosed(points)}" fill="${ink[4]}" fill-opacity="0.45"/>`);
  }
  for (let i = 0; i < nodes.length; i++) {
    const a = nodes[i];
    const links = r.int(1, 2);
    for (let l = 0; l < links; l++) {
      const b = nodes[r.int(0, nodes.length - 1)];
      if (a === b) continue;
      const mx = (a[0] + b[0]) / 2 + r.range(-120, 120);
      const my = (a[1] + b[1]) / 2 + r.range(-120, 120);
      out.push(
        `<path d="M${n(a[0])} ${n(a[1])}Q${n(mx)} ${n(my)} ${n(b[0])} ${n(b[1])}" fill="none" stroke="${ink[l === 0 ? 0 : 2]}" stroke-width="${l === 0 ? 3 : 1.5}" stroke-opacity="0.75"/>`,
      );
    }
  }
  for (const [x, y] of nodes) {
    out.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${n(r.range(9, 18))}" fill="${ink[3]}" stroke="${ink[1]}" stroke-width="3"/>`);
  }
  return out;
}

/** Meandering river lines across the frame, with tributaries. */
function rivers(r, ink) {
  const out = [];
  for (let f = 0; f < 4; f++) {
    const points = [];
    const y0 = r.range(H * 0.15, H * 0.85);
    for (let i = 0; i <= 10; i++) points.push([(i / 10) * W, y0 + Math.sin(i * r.range(0.5, 1.1) + f) * r.range(40, 120)]);
    out.push(`<path d="${smoothOpen(points)}L${W} ${H}L0 ${H}Z" fill="${ink[f % 2 === 0 ? 4 : 2]}" fill-opacity="0.22"/>`);
  }
  const main = [];
  let y = r.range(H * 0.3, H * 0.7);
  for (let i = 0; i <= 14; i++) {
    y += r.range(-90, 90);
    y = Math.min(H - 80, Math.max(80, y));
    main.push([(i / 14) * W, y]);
  }
  out.push(`<path d="${smoothOpen(main)}" fill="none" stroke="${ink[2]}" stroke-width="34" stroke-linecap="round" stroke-opacity="0.9"/>`);
  out.push(`<path d="${smoothOpen(main)}" fill="none" stroke="${ink[1]}" stroke-width="6" stroke-linecap="round"/>`);
  for (let t = 0; t < r.int(4, 7); t++) {
    const start = main[r.int(2, main.length - 3)];
    const branch = [start];
    let [bx, by] = start;
    const dir = r.next() < 0.5 ? -1 : 1;
    for (let i = 0; i < 5; i++) {
      bx += r.range(-60, 90);
      by += dir * r.range(50, 110);
      branch.push([bx, by]);
    }
    out.push(`<path d="${smoothOpen(branch)}" fill="none" stroke="${ink[2]}" stroke-width="${n(r.range(6, 14))}" stroke-linecap="round" stroke-opacity="0.8"/>`);
  }
  // Markers for places along the water.
  for (let i = 0; i < r.int(3, 5); i++) {
    const [x, my] = main[r.int(1, main.length - 2)];
    out.push(`<rect x="${n(x - 12)}" y="${n(my - 12)}" width="24" height="24" transform="rotate(45 ${n(x)} ${n(my)})" fill="${ink[0]}" stroke="${ink[4]}" stroke-width="3"/>`);
  }
  return out;
}

const MOTIFS = { contours, bands, circles, grid, rings, network, rivers };

function heroSvg({ slug, palette, motif }) {
  const colours = PALETTES[palette];
  if (!colours) throw new Error(`${slug}: unknown palette ${palette}`);
  const draw = MOTIFS[motif];
  if (!draw) throw new Error(`${slug}: unknown motif ${motif}`);
  const r = createRandom(hash(`hero:${slug}`));
  const angle = r.int(0, 3) * 45;
  const body = draw(r, colours.ink).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs><linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${colours.bg[0]}"/><stop offset="1" stop-color="${colours.bg[1]}"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#bg)"/>
${body}
</svg>`;
}

// ---------------------------------------------------------------------------
// Avatars: a head-and-shoulders silhouette built from simple shapes.

function avatarSvg({ id, field, figure, accent, variant }) {
  const r = createRandom(hash(`avatar:${id}`));
  const S = 400;
  const headX = 200 + r.range(-14, 14);
  const headY = 168 + r.range(-8, 8);
  const headR = r.range(66, 78);
  const parts = [];
  // Background accent, one of four compositions.
  if (variant === 0) {
    parts.push(`<circle cx="${n(r.range(60, 340))}" cy="${n(r.range(40, 120))}" r="${n(r.range(120, 170))}" fill="${accent}" fill-opacity="0.55"/>`);
  } else if (variant === 1) {
    for (let i = 0; i < 6; i++) parts.push(`<rect x="0" y="${i * 70 + 10}" width="${S}" height="28" fill="${accent}" fill-opacity="0.28"/>`);
  } else if (variant === 2) {
    parts.push(`<path d="M0 ${n(r.range(220, 280))}L${S} ${n(r.range(60, 140))}L${S} ${S}L0 ${S}Z" fill="${accent}" fill-opacity="0.4"/>`);
  } else {
    for (let k = 5; k >= 1; k--) parts.push(`<circle cx="200" cy="190" r="${k * 40}" fill="none" stroke="${accent}" stroke-opacity="0.45" stroke-width="6"/>`);
  }
  // Shoulders.
  const width = r.range(150, 175);
  parts.push(
    `<path d="M${n(200 - width)} ${S}C${n(200 - width)} ${n(300 + r.range(-10, 10))} ${n(200 - width * 0.55)} 262 200 262C${n(200 + width * 0.55)} 262 ${n(200 + width)} ${n(300 + r.range(-10, 10))} ${n(200 + width)} ${S}Z" fill="${figure}"/>`,
  );
  // Hair or headwear behind the head, one shape per variant.
  if (variant === 1) {
    parts.push(`<path d="M${n(headX - headR * 1.15)} ${n(headY + headR * 1.5)}Q${n(headX - headR * 1.3)} ${n(headY - headR * 1.25)} ${n(headX)} ${n(headY - headR * 1.2)}Q${n(headX + headR * 1.3)} ${n(headY - headR * 1.25)} ${n(headX + headR * 1.15)} ${n(headY + headR * 1.5)}Z" fill="${figure}"/>`);
  } else if (variant === 2) {
    parts.push(`<ellipse cx="${n(headX)}" cy="${n(headY - headR * 0.35)}" rx="${n(headR * 1.12)}" ry="${n(headR * 0.95)}" fill="${figure}"/>`);
  } else if (variant === 3) {
    parts.push(`<circle cx="${n(headX + headR * 0.2)}" cy="${n(headY - headR * 1.05)}" r="${n(headR * 0.42)}" fill="${figure}"/>`);
  }
  // Neck and head.
  parts.push(`<rect x="${n(headX - 30)}" y="${n(headY + headR - 24)}" width="60" height="64" rx="20" fill="${figure}"/>`);
  parts.push(`<circle cx="${n(headX)}" cy="${n(headY)}" r="${n(headR)}" fill="${figure}"/>`);
  // A lighter face plane, turned slightly, so the silhouette reads as a portrait.
  const turn = r.range(-0.5, 0.5);
  parts.push(`<path d="M${n(headX + turn * 20)} ${n(headY - headR)}A${n(headR)} ${n(headR)} 0 0 1 ${n(headX + turn * 20)} ${n(headY + headR)}Q${n(headX + turn * 40 + 18)} ${n(headY)} ${n(headX + turn * 20)} ${n(headY - headR)}Z" fill="${accent}" fill-opacity="0.22"/>`);
  // A collar or scarf stripe in the accent colour.
  parts.push(`<path d="M${n(200 - width * 0.35)} 286Q200 ${n(330 + r.range(0, 20))} ${n(200 + width * 0.35)} 286" fill="none" stroke="${accent}" stroke-width="10" stroke-linecap="round"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">
<rect width="${S}" height="${S}" fill="${field}"/>
${parts.join('\n')}
</svg>`;
}

// ---------------------------------------------------------------------------

async function render(svg, file) {
  const buffer = await sharp(Buffer.from(svg), { density: 72 }).flatten({ background: '#ffffff' }).jpeg(JPEG).toBuffer();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Write only when the bytes differ, so a re-run leaves files untouched.
  if (fs.existsSync(file) && fs.readFileSync(file).equals(buffer)) return { file, bytes: buffer.length, changed: false };
  fs.writeFileSync(file, buffer);
  return { file, bytes: buffer.length, changed: true };
}

async function main() {
  const checkOnly = process.argv.includes('--check');
  const jobs = [
    ...HEROES.map((hero) => ({ svg: () => heroSvg(hero), file: path.join(findArticleFolder(contentDir, hero.slug), 'hero.jpg') })),
    ...AVATARS.map((avatar) => ({ svg: () => avatarSvg(avatar), file: path.join(contentDir, 'authors', `${avatar.id}.jpg`) })),
  ];
  for (const job of jobs) {
    const rel = path.relative(root, job.file);
    if (checkOnly) {
      console.log(rel);
      continue;
    }
    const { bytes, changed } = await render(job.svg(), job.file);
    console.log(`${changed ? 'wrote' : 'same '} ${rel} (${Math.round(bytes / 1024)} KB)`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
