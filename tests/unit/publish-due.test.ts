import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite, decide, SCHEDULE_PATH } from '../../scripts/publish-due.mjs';
import { paths } from '../../src/lib/paths.ts';

const NOW = new Date('2026-12-07T09:00:00Z');

describe('decide', () => {
  it('builds once the next moment has come, not before', () => {
    expect(decide({ next: '2026-12-07T09:00:00.000Z' }, NOW)).toEqual({ due: true, reason: 'due since 2026-12-07T09:00:00.000Z' });
    expect(decide({ next: '2026-12-07T09:00:01.000Z' }, NOW)).toEqual({ due: false, reason: 'nothing due until 2026-12-07T09:00:01.000Z' });
  });

  it('builds when the schedule says nothing it can trust', () => {
    for (const schedule of [null, {}, { next: 'soon' }, { next: 7 }, 'text']) expect(decide(schedule, NOW).due).toBe(true);
  });
});

describe('checkSite', () => {
  let server: http.Server;
  let url = '';
  let answer: { status: number; body: string } = { status: 200, body: '' };
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url !== SCHEDULE_PATH) return void res.writeHead(404).end();
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the file the build writes', () => {
    expect(SCHEDULE_PATH).toBe(paths.publishSchedule());
  });

  it("reads the live site's schedule", async () => {
    answer = { status: 200, body: JSON.stringify({ next: '2026-12-08T06:00:00.000Z' }) };
    expect(await checkSite(url, NOW)).toEqual({ due: false, reason: 'nothing due until 2026-12-08T06:00:00.000Z' });
    expect((await checkSite(url, new Date('2026-12-08T06:05:00Z'))).due).toBe(true);
  });

  it('builds when the site has no schedule or cannot be reached', async () => {
    answer = { status: 404, body: '' };
    expect(await checkSite(url, NOW)).toMatchObject({ due: true, reason: expect.stringContaining('answered 404') });
    answer = { status: 200, body: '<html>' };
    expect((await checkSite(url, NOW)).due).toBe(true);
    expect((await checkSite('http://127.0.0.1:1', NOW)).due).toBe(true);
  });
});
