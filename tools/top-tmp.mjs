const { MongoClient } = (await import('mongoose')).default.mongo;
const c = await MongoClient.connect(process.env.MONGO_URL);
const a = c.db('admin');
const snap = async () => ({ top: (await a.command({ top: 1 })).totals, ops: (await a.command({ serverStatus: 1 })).opcounters });
const b = await snap();
await new Promise((r) => setTimeout(r, Number(process.argv[2] ?? 10) * 1000));
const e = await snap();
console.log('opcounters', JSON.stringify(Object.fromEntries(Object.keys(e.ops).map((k) => [k, e.ops[k] - (b.ops[k] ?? 0)]))));
const rows = [];
for (const [coll, v] of Object.entries(e.top)) {
  if (coll === 'note') continue;
  const p = b.top[coll];
  const d = (k) => ({ time: v[k].time - (p?.[k]?.time ?? 0), count: v[k].count - (p?.[k]?.count ?? 0) });
  const tot = d('total');
  if (!tot.count) continue;
  rows.push([coll, tot, ['queries', 'getmore', 'insert', 'update', 'remove', 'commands'].map((k) => [k, d(k)]).filter(([, x]) => x.count)]);
}
rows.sort((x, y) => y[1].count - x[1].count);
for (const [coll, tot, parts] of rows.slice(0, 25)) console.log(`${(tot.time / 1000).toFixed(0).padStart(7)} ms ${String(tot.count).padStart(7)}  ${coll}  ${parts.map(([k, x]) => `${k} ${x.count}/${(x.time / 1000).toFixed(0)}ms`).join(' ')}`);
await c.close();
