// Where an Open311 request is: always one of our buildings, because the building decides the
// room, the liaison and the tier. address_id is the building code printed on its placard or the
// token of the placard's QR code; address_string is a building's address or name exactly as the
// building register holds it; a lat/long pair alone cannot be placed (docs/open311.md).
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { getBuildingContext, type BuildingContext } from '../org/service.js';
import { badField } from './errors.js';
import { one, type FormValues } from './form.js';
import * as store from './store.js';

/** The building of a request and the point the partner gave, if any. */
export interface RequestPlace {
  place: BuildingContext;
  lat: number | null;
  long: number | null;
}

function coordinate(values: FormValues, name: 'lat' | 'long', limit: number): number | null {
  const raw = one(values, name);
  if (raw === undefined) {
    return null;
  }
  const n = Number(raw);
  if (!/^-?\d+(\.\d+)?$/.test(raw) || Math.abs(n) > limit) {
    throw badField(name, `须为 WGS84 十进制度数`, `must be WGS84 decimal degrees`);
  }
  return n;
}

async function contextOfToken(ctx: AppContext, token: string, field: string) {
  try {
    return await getBuildingContext(ctx.db, token);
  } catch (error) {
    if (error instanceof AppError && error.code === 'placard_retired') {
      throw badField(field, '该楼栋联络牌已停用', 'this building placard has been retired');
    }
    if (error instanceof AppError && error.code === 'placard_not_found') {
      return null;
    }
    throw error;
  }
}

async function byAddressId(ctx: AppContext, id: string): Promise<BuildingContext> {
  const byToken = id.length <= 64 ? await contextOfToken(ctx, id, 'address_id') : null;
  const token = byToken ? null : await store.findTokenOfBuildingCode(ctx.db, id);
  const place = byToken ?? (token ? await contextOfToken(ctx, token, 'address_id') : null);
  if (!place) {
    throw badField('address_id', '没有该楼栋', 'no building has this id');
  }
  return place;
}

async function byAddressString(ctx: AppContext, text: string): Promise<BuildingContext> {
  const tokens = await store.findTokensOfAddress(ctx.db, text.replace(/\s+/g, ' '));
  if (tokens.length > 1) {
    throw badField(
      'address_string',
      '地址对应多个楼栋，请用 address_id',
      'ambiguous; use address_id',
    );
  }
  const place = tokens[0] ? await contextOfToken(ctx, tokens[0], 'address_string') : null;
  if (!place) {
    throw badField(
      'address_string',
      '找不到该地址的楼栋，请用 address_id',
      'no building has this address; use address_id',
    );
  }
  return place;
}

/** Resolves the location arguments of a POST to one building, or refuses naming the field. */
export async function placeOfRequest(ctx: AppContext, values: FormValues): Promise<RequestPlace> {
  const lat = coordinate(values, 'lat', 90);
  const long = coordinate(values, 'long', 180);
  if ((lat === null) !== (long === null)) {
    throw badField(
      lat === null ? 'lat' : 'long',
      'lat 与 long 须同时提供',
      'send lat and long together',
    );
  }
  const addressId = one(values, 'address_id');
  const addressString = one(values, 'address_string');
  if (addressId !== undefined) {
    return { place: await byAddressId(ctx, addressId), lat, long };
  }
  if (addressString !== undefined) {
    return { place: await byAddressString(ctx, addressString), lat, long };
  }
  if (lat !== null) {
    throw badField(
      'address_id',
      '仅凭坐标无法确定楼栋，请同时提供 address_id',
      'a point alone cannot be placed in a building; send address_id as well',
    );
  }
  throw badField(
    'address_id',
    '缺少地点：请提供 address_id、address_string 或 lat/long',
    'location required: address_id, address_string or lat and long',
  );
}
