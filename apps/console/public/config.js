// Replaced at run time: the gateway answers /console/config.js from its environment, and the
// console's container writes this file from its own at start (docker/console-entrypoint.sh).
// Served as is (the Vite dev server), the console asks the graph on its own origin and offers the demo sign-in.
window.AFTERSALES_CONSOLE = window.AFTERSALES_CONSOLE || { devTokens: true };
