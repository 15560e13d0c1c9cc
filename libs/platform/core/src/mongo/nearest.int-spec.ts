import { randomBytes } from 'node:crypto';
import { getDistance } from 'geolib';
import mongoose, { Schema, type Connection } from 'mongoose';
import { nearestIds } from './nearest';

describe('nearestIds (real store, 2dsphere index)', () => {
  let conn: Connection;
  let Places: mongoose.Model<any>;
  const places: { id: string; lat: number; lng: number; kind: string }[] = [];

  beforeAll(async () => {
    const url = process.env.MONGO_URL;
    if (!url) throw new Error('MONGO_URL is not set: run integration tests through `npm test`');
    conn = await mongoose.createConnection(url, { dbName: `near_${randomBytes(4).toString('hex')}` }).asPromise();
    const schema = new Schema({ _id: String, kind: String, point: { type: { type: String }, coordinates: [Number] } });
    schema.index({ point: '2dsphere' }, { '2dsphereIndexVersion': 3 });
    Places = conn.model('Place', schema) as unknown as mongoose.Model<any>;
    await Places.init();
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    // Clusters (cities) and strays across the globe, as a dealer network is.
    for (let i = 0; i < 600; i++) {
      const city = i % 12;
      const lat = i < 500 ? -40 + city * 8 + (rnd() - 0.5) * 2 : (rnd() - 0.5) * 160;
      const lng = i < 500 ? -120 + city * 20 + (rnd() - 0.5) * 2 : (rnd() - 0.5) * 358;
      places.push({ id: `p-${String(i).padStart(3, '0')}`, lat, lng, kind: i % 4 ? 'DEALER' : 'HQ' });
    }
    await Places.insertMany(places.map((p) => ({ _id: p.id, kind: p.kind, point: { type: 'Point', coordinates: [p.lng, p.lat] } })));
  });

  afterAll(async () => {
    await conn?.dropDatabase();
    await conn?.close();
  });

  it('ranks exactly as a scan of every document would, for near, far and filtered searches', async () => {
    const probes = [
      { lat: -40, lng: -120 },
      { lat: 0.5, lng: -19.7 },
      { lat: 70, lng: 150 },
      { lat: -85, lng: 10 },
      { lat: 12, lng: 100 },
    ];
    for (const at of probes) {
      for (const [limit, kind] of [[1, undefined], [5, undefined], [40, undefined], [3, 'HQ']] as const) {
        const brute = places
          .filter((p) => !kind || p.kind === kind)
          .map((p) => ({ id: p.id, meters: getDistance({ latitude: at.lat, longitude: at.lng }, { latitude: p.lat, longitude: p.lng }) }))
          .sort((a, b) => a.meters - b.meters || a.id.localeCompare(b.id))
          .slice(0, limit);
        expect(await nearestIds(Places, 'point', at, limit, kind ? { kind } : {})).toEqual(brute);
      }
    }
  });

  it('returns what there is when fewer documents match than asked for', async () => {
    expect(await nearestIds(Places, 'point', { lat: 0, lng: 0 }, 3, { kind: 'NONE' })).toEqual([]);
    expect(await nearestIds(Places, 'point', { lat: 0, lng: 0 }, 1000, {})).toHaveLength(600);
  });
});
