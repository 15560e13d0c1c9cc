// Preloaded (`node --import`) into a service the gateway bench profiles: the first SIGUSR2 starts
// V8's CPU profiler, the next one writes the profile to $BENCH_CPU_PROFILE. The bench brackets exactly
// its measured load with the two signals, which `node --cpu-prof` (whole life, written only on a
// normal exit) cannot do. Never loaded by the product.
import { Session } from 'node:inspector';
import { renameSync, writeFileSync } from 'node:fs';

const file = process.env.BENCH_CPU_PROFILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')));
      return;
    }
    running = false;
    session.post('Profiler.stop', (err, result) => {
      // Renamed into place so the bench never reads half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(err ? { error: String(err) } : result.profile));
      renameSync(`${file}.tmp`, file);
    });
  });
}
