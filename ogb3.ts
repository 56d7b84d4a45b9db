import { renderOgCard } from './src/og/render.ts';
const card = { title: 'Council approves the new harbour plan after a long night of debate on costs', topic: 'Politics', authors: ['Ada Lovelace', 'Bob Smith'], siteName: 'Broadsheet' };
await renderOgCard(card);
let size = 0; const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 0; i < 200; i++) size += (await renderOgCard({ ...card, title: card.title + ' ' + i })).length;
const c = process.cpuUsage(c0);
console.log('wall', ((performance.now() - t0) / 200).toFixed(2), 'cpu', ((c.user + c.system) / 1000 / 200).toFixed(2), 'avg bytes', size / 200 | 0);
