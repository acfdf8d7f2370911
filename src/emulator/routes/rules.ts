// Field rules shared by the emulator's create/modify routes (4.2.1 … 4.20.2): the reference's patterns,
// ranges and enums, each refusal naming its parameter (`parameterName:…`) as the service does.
import { ApiError, invalidParam, missingParam } from './common.ts';

type Body = Record<string, unknown>;

/** Chinese, letters, digits, `_`; starts with a letter or Chinese; 3-64 (throttles, ACLs, signature keys, VPC channels, authorizers). */
export const POLICY_NAME = /^[\u4e00-\u9fa5A-Za-z][\u4e00-\u9fa5A-Za-z0-9_]{2,63}$/;
/** 4.2.1: also `-` `.` `/` `(` `)` `:` (half or full width) and `、`; starts with a letter, Chinese or digit; 3-255. */
export const GROUP_NAME = /^[\u4e00-\u9fa5A-Za-z0-9][\u4e00-\u9fa5A-Za-z0-9\-_./()（）:：、]{2,254}$/;
/** 4.4.1: letters, digits, `_`; starts with a letter; 3-64. */
export const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]{2,63}$/;
/** 4.5.1 variable name: letters, digits, `_`, `-`; starts with a letter; 3-32. */
export const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_-]{2,31}$/;
/** 4.5.1 variable value: letters, digits, `_ - / . :`; 1-255. */
export const VARIABLE_VALUE = /^[A-Za-z0-9_\-/.:]{1,255}$/;
/** 4.3.1 API name: Chinese, letters, digits, `_`; starts with a letter or Chinese; 3-64. */
export const API_NAME = POLICY_NAME;

export const MAX_INT = 2147483647;

/** A required string matching `pattern` (refused with APIG.2011 naming the parameter). */
export function reqPattern(b: Body, name: string, pattern: RegExp): string {
  const v = b[name];
  if (v === undefined || v === null || v === '') throw missingParam(name);
  if (typeof v !== 'string' || !pattern.test(v)) throw invalidParam(name, 'APIG.2011');
  return v;
}

export function optPattern(b: Body, name: string, pattern: RegExp): string | undefined {
  const v = b[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !pattern.test(v)) throw invalidParam(name, 'APIG.2011');
  return v;
}

export function optText(b: Body, name: string, max: number): string | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || [...v].length > max) throw invalidParam(name, 'APIG.2011');
  return v;
}

export function reqEnum<T extends string>(b: Body, name: string, values: readonly T[]): T {
  const v = b[name];
  if (v === undefined || v === null || v === '') throw missingParam(name);
  if (typeof v !== 'string' || !values.includes(v as T)) throw invalidParam(name, 'APIG.2011');
  return v as T;
}

export function optEnum<T extends string>(b: Body, name: string, values: readonly T[]): T | undefined {
  const v = b[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || !values.includes(v as T)) throw invalidParam(name, 'APIG.2011');
  return v as T;
}

/** An integer in [min, max]; JSON numbers only (the service does not coerce strings). */
export function reqInt(b: Body, name: string, min: number, max = MAX_INT): number {
  const v = b[name];
  if (v === undefined || v === null) throw missingParam(name);
  return checkInt(v, name, min, max);
}

export function optInt(b: Body, name: string, min: number, max = MAX_INT): number | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  return checkInt(v, name, min, max);
}

function checkInt(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalidParam(name, 'APIG.2011');
  }
  return v;
}

export function optBool(b: Body, name: string): boolean | undefined {
  const v = b[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalidParam(name, 'APIG.2011');
  return v;
}

/** Refuses `name` when another record (not `selfId`) already carries it: 400 with the family's 32xx code. */
export function requireUnique<T extends { id: string }>(
  items: Iterable<T>,
  nameOf: (t: T) => string,
  name: string,
  selfId: string | undefined,
  code: string,
  message: string,
): void {
  for (const it of items) {
    if (it.id !== selfId && nameOf(it) === name) throw new ApiError(400, code, message);
  }
}
