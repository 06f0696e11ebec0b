// A mixed soak against a running server (bench/load.ts: 20 clients sending distinct town
// pages, searches and filtered pages), sampling its resident memory: it must level off, not
// climb. Run by hand:
//   tsx soak.ts <graphql URL> <server pid> [seconds=120] [clients=20]
import { mixedSoak } from "./load.js";

const [url, pid, seconds = "120", clients = "20"] = process.argv.slice(2);
if (!url || !pid) throw new Error("usage: tsx soak.ts <graphql URL> <server pid> [seconds] [clients]");
const { samples, requests, errors } = await mixedSoak(url, Number(pid), Number(seconds), Number(clients));
console.log(`RSS every 10 s (MB): ${samples.join(", ")}`);
console.log(`${requests} requests, ${errors} with errors`);
