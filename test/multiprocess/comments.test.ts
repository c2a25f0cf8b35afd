import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EASY_CAPTCHA, seedCommentableArticle } from '../comments-kit.ts';
import { commentFormOn, postComment, solvedChallenge } from './clients.ts';
import { type Cluster, type Node, startCluster, until } from './harness.ts';

/**
 * A reader's comment where a load balancer sends each request to either
 * process: the form one process rendered is accepted by the other, and the
 * limits count the same whichever process each request reaches.
 */

/** Comments one address may post in a minute, and challenges it may fetch (small, to trip fast). */
const ADDRESS_PER_MINUTE = 4;
const CHALLENGES_PER_MINUTE = 6;

describe('comments across two processes', () => {
  let c: Cluster;
  let articleUrl = '';

  beforeAll(async () => {
    c = await startCluster({
      redisDb: 10,
      seed: async (db) => {
        const seeded = await seedCommentableArticle(db, {
          captchaCost: EASY_CAPTCHA.cost,
          captchaCounterMin: EASY_CAPTCHA.counterMin,
          captchaCounterMax: EASY_CAPTCHA.counterMax,
          minFillSeconds: 0,
          // Shown at once, so the article page answers with the comment.
          trustAfter: 0,
          addressPerMinute: ADDRESS_PER_MINUTE,
          challengesPerMinute: CHALLENGES_PER_MINUTE,
        });
        articleUrl = seeded.articlePath;
      },
    });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('a form rendered by A, with a challenge from A, is accepted by B and shows on A', async () => {
    const ip = '198.51.100.1';
    // A's cached copy of the page is the one the comment must purge.
    await until(
      async () => (await c.a.get(articleUrl)).headers.get('x-cache') === 'HIT',
      'A to cache the article',
    );
    const f = await commentFormOn(c.a, articleUrl, ip);
    const challenge = await solvedChallenge(c.a, f.challengeUrl, ip);
    expect(challenge.status).toBe(200);
    const body = 'Komentar dari formulir proses A, dikirim ke proses B: jembatan perlu dicat.';
    const posted = await postComment(c.b, articleUrl, {
      token: f.token,
      altcha: challenge.payload,
      ip,
      body,
    });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.json.status).toBe('approved');

    // The challenge was spent on B: A refuses it too.
    const replay = await postComment(c.a, articleUrl, {
      token: f.token,
      altcha: challenge.payload,
      ip,
      body: `${body} Lagi.`,
    });
    expect([replay.status, replay.json.error]).toEqual([409, 'COMMENT_CAPTCHA_USED']);

    // B's approval reached A: A's cached page went, and A shows the comment.
    await until(async () => (await c.a.get(articleUrl)).text.includes(body), 'A to show it', 2000);
  });

  /** Posts comments from one address to the processes in turn until one is refused. */
  async function postUntilRefused(nodes: Node[], ip: string) {
    const answers: number[] = [];
    for (let i = 0; i < ADDRESS_PER_MINUTE + 3; i++) {
      const node = nodes[i % nodes.length] as Node;
      const other = nodes[(i + 1) % nodes.length] as Node;
      // Form and challenge from one process, the post to the next, as a balancer would mix them.
      const f = await commentFormOn(other, articleUrl, ip);
      const ch = await solvedChallenge(node, f.challengeUrl, ip);
      expect(ch.status, ch.text).toBe(200);
      const r = await postComment(node, articleUrl, { token: f.token, altcha: ch.payload, ip });
      answers.push(r.status);
      if (r.status !== 201) {
        expect(r.json.error).toBe('COMMENT_NETWORK_BUSY');
        break;
      }
    }
    return answers;
  }

  it('the per-address comment limit trips at the same total on two processes as on one', async () => {
    const alternating = await postUntilRefused([c.a, c.b], '198.51.100.20');
    const oneProcess = await postUntilRefused([c.a], '198.51.100.21');
    const expected = [...Array(ADDRESS_PER_MINUTE).fill(201), 429];
    expect(alternating).toEqual(expected);
    expect(oneProcess).toEqual(expected);
  });

  /** Fetches challenges from one address from the processes in turn until one is refused. */
  async function challengesUntilRefused(nodes: Node[], ip: string) {
    const answers: number[] = [];
    for (let i = 0; i < 2 * CHALLENGES_PER_MINUTE + 2; i++) {
      const node = nodes[i % nodes.length] as Node;
      const res = await node.fetch(`/komentar/token?artikel=${articleUrl.split('/')[2]}`, {
        headers: { 'x-forwarded-for': ip, accept: 'application/json' },
      });
      await res.arrayBuffer();
      answers.push(res.status);
      if (res.status !== 200) break;
    }
    return answers;
  }

  it('the challenge limit, counted in Redis, trips at the same total on two processes as on one', async () => {
    // Counted per process, the alternating reader would get twice as many.
    const alternating = await challengesUntilRefused([c.a, c.b], '198.51.100.30');
    const oneProcess = await challengesUntilRefused([c.a], '198.51.100.31');
    const expected = [...Array(CHALLENGES_PER_MINUTE).fill(200), 429];
    expect(alternating).toEqual(expected);
    expect(oneProcess).toEqual(expected);
  });
});
