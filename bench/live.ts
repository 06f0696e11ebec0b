// Live updates under load: N open partnerSearchPosted subscriptions (SSE) on one server, then
// partner searches posted one at a time; for each, the delay until every subscriber has its
// event, and the server's memory per open subscription.
import { type Subscription, subscribe } from "../packages/server/test/support/sse.js";
import { percentile } from "./stats.js";

export interface LiveMeasurement {
  subscriptions: number;
  writes: number;
  /** From sending the write to a subscriber's event, over every subscriber and write (ms). */
  p50: number;
  p99: number;
  /** The write's own answer, for comparison (ms). */
  writeP50: number;
  rssBeforeMb: number;
  rssOpenMb: number;
  kbPerSubscription: number;
}

export async function measureLive(options: {
  endpoint: string;
  /** The server's resident memory now, in MB. */
  rssMb: () => number;
  /** A TOWN_EDITOR key of `town`. */
  editorKey: string;
  town: string;
  counts: number[];
  writes: number;
}): Promise<LiveMeasurement[]> {
  const measurements: LiveMeasurement[] = [];
  let posted = 0;
  for (const count of options.counts) {
    const rssBeforeMb = options.rssMb();
    const open: Subscription[] = [];
    for (let i = 0; i < count; i += 50)
      open.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, count - i) }, () =>
            subscribe(fetch, options.endpoint, "subscription { partnerSearchPosted { slug } }"),
          ),
        )),
      );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssOpenMb = options.rssMb();
    const delays: number[] = [];
    const writeTimes: number[] = [];
    for (let w = 0; w < options.writes; w++) {
      const sent = performance.now();
      const arrivals = open.map((s) => s.next(30_000).then(() => performance.now() - sent));
      const response = await fetch(options.endpoint, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.editorKey}` },
        body: JSON.stringify({
          query: `mutation($input: CreatePartnerSearchInput!) { createPartnerSearch(input: $input) { partnerSearch { slug } } }`,
          variables: {
            input: {
              town: options.town,
              kind: "COOPERATION",
              description: [{ lang: "en", text: `Bench partner search ${++posted}.` }],
            },
          },
        }),
      });
      const answer = (await response.json()) as { errors?: unknown };
      if (answer.errors) throw new Error(`bench write failed: ${JSON.stringify(answer.errors)}`);
      writeTimes.push(performance.now() - sent);
      delays.push(...(await Promise.all(arrivals)));
    }
    for (const subscription of open) subscription.close();
    measurements.push({
      subscriptions: count,
      writes: options.writes,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      writeP50: percentile(writeTimes, 50),
      rssBeforeMb,
      rssOpenMb,
      kbPerSubscription: Math.round(((rssOpenMb - rssBeforeMb) * 1024) / count),
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return measurements;
}
