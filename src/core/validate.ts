// Small checks that collect every problem, so one ValidationError can list them all.
import { ValidationError, type ValidationIssue } from './errors.js';

export class Checker {
  readonly issues: ValidationIssue[] = [];
  add(field: string, rule: string, message: string) {
    this.issues.push({ field, rule, message });
  }
  object(input: unknown, what: string): boolean {
    if (input && typeof input === 'object' && !Array.isArray(input)) return true;
    this.add(what, 'type', `${what} must be an object, not ${describe(input)}`);
    return false;
  }
  knownKeys(input: object, allowed: readonly string[]) {
    for (const key of Object.keys(input)) {
      if (!allowed.includes(key))
        this.add(key, 'unknown', `${key} is not an accepted field (accepted: ${allowed.join(', ')})`);
    }
  }
  requiredString(value: unknown, field: string, max?: number): value is string {
    if (typeof value !== 'string') {
      this.add(
        field,
        value === undefined ? 'required' : 'type',
        value === undefined ? `${field} is required` : `${field} must be a string, not ${describe(value)}`,
      );
      return false;
    }
    if (value.trim() === '') {
      this.add(field, 'nonEmpty', `${field} must not be empty`);
      return false;
    }
    return this.maxLength(value, field, max);
  }
  optionalString(value: unknown, field: string, max?: number): boolean {
    if (value === undefined) return true;
    if (typeof value !== 'string') {
      this.add(field, 'type', `${field} must be a string, not ${describe(value)}`);
      return false;
    }
    return this.maxLength(value, field, max);
  }
  optionalBoolean(value: unknown, field: string) {
    if (value !== undefined && typeof value !== 'boolean')
      this.add(field, 'type', `${field} must be true or false, not ${describe(value)}`);
  }
  optionalDate(value: unknown, field: string): value is Date | undefined {
    if (value === undefined) return true;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
      this.add(field, 'date', `${field} must be a valid Date, not ${describe(value)}`);
      return false;
    }
    return true;
  }
  integer(value: unknown, field: string, min: number, max: number) {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(field, 'range', `${field} must be an integer from ${min} to ${max}, not ${describe(value)}`);
    }
  }
  private maxLength(value: string, field: string, max?: number) {
    if (max !== undefined && [...value].length > max) {
      this.add(field, 'maxLength', `${field} must be at most ${max} characters (got ${[...value].length})`);
      return false;
    }
    return true;
  }
  throwIfAny() {
    if (this.issues.length) throw new ValidationError(this.issues);
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}
