import { consoleHarness } from './harness';
import { callCenterScenarios } from './scenarios/call-center';
import { dealerScenarios } from './scenarios/dealer';
import { hqScenarios } from './scenarios/hq';
import { platformScenarios } from './scenarios/platform';

/**
 * The web console end to end: the whole system started once, the gateway serving a fresh build of
 * the console with the demo sign-in on, Debian's Chromium driving it. Each area registers its
 * scenarios from its own file; any script error, console error or failed request fails the test.
 */
describe('the web console in headless Chromium, against the whole system', () => {
  const ctx = consoleHarness();
  describe('platform', () => platformScenarios(ctx));
  describe('hq', () => hqScenarios(ctx));
  describe('dealer', () => dealerScenarios(ctx));
  describe('call center', () => callCenterScenarios(ctx));
});
