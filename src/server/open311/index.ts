// The Open311 feature's routes: the public GeoReport v2 interface and the workbench's keys.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { registerOpen311KeyRoutes } from './key-routes.js';
import { registerOpen311Routes } from './routes.js';

/** Registers every Open311 route. */
export function registerOpen311(app: FastifyInstance, ctx: AppContext): void {
  registerOpen311Routes(app, ctx);
  registerOpen311KeyRoutes(app, ctx);
}
