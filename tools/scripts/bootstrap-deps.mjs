#!/usr/bin/env node
// Installs npm dependencies when missing or stale (what `npm start` and `npm test` do first).
import { ensureDependencies } from './bootstrap.mjs';

ensureDependencies();
