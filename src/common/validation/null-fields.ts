import { DECORATORS } from '@nestjs/swagger';
import { getMetadataStorage, ValidationError } from 'class-validator';

/**
 * The rule for `null` in a request body, one for every DTO: a property may be null only where the
 * OpenAPI document says `nullable: true` (there null clears the value, typically a PATCH of a
 * nullable column such as an event's website). Everywhere else null is refused with 400
 * VALIDATION_FAILED: it is neither a value nor a way to say « absent » (leave the field out for
 * that). class-validator's @IsOptional() lets null through to the services, so without this rule
 * each service would need its own null checks (two 500s came from missing ones).
 *
 * The rule reads the @nestjs/swagger property metadata, the very metadata the document is built
 * from, so the document and the behaviour cannot disagree; it walks nested DTOs (a property typed
 * with a DTO class, or an array of them) and array items.
 */

/** A DTO class (a body's metatype, or the type of a nested property). */
type DtoClass = abstract new (...args: never[]) => unknown;

/** What the rule needs to know about one property of a DTO. */
interface PropertyRule {
  nullable: boolean;
  /** The nested DTO class of an object (or array-of-objects) property. */
  nested: DtoClass | null;
  isArray: boolean;
}

interface SwaggerPropertyMetadata {
  nullable?: boolean;
  type?: unknown;
  isArray?: boolean;
}

const BUILT_IN: readonly unknown[] = [String, Number, Boolean, Date, Object, Array, Symbol, BigInt];

/** A DTO class: a class carrying swagger property or class-validator metadata (not a built-in type). */
function asDtoClass(type: unknown): DtoClass | null {
  if (typeof type !== 'function' || BUILT_IN.includes(type)) return null;
  // `type: () => SomeDto` (a thunk: arrow functions have no prototype) or `type: () => [SomeDto]`
  if (!type.prototype) {
    const resolved: unknown = (type as () => unknown)();
    return asDtoClass(Array.isArray(resolved) ? resolved[0] : resolved);
  }
  return type as DtoClass;
}

const rulesCache = new WeakMap<DtoClass, Map<string, PropertyRule>>();

/** The properties of a DTO class, documented or validated, with whether each may be null. */
export function propertyRules(dto: DtoClass): Map<string, PropertyRule> {
  const cached = rulesCache.get(dto);
  if (cached) return cached;
  const rules = new Map<string, PropertyRule>();
  const documented: unknown[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) ?? [];
  for (const entry of documented) {
    if (typeof entry !== 'string' || !entry.startsWith(':')) continue;
    const name = entry.slice(1);
    const meta: SwaggerPropertyMetadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, name) ?? {};
    const type = meta.type;
    const isArray = meta.isArray === true || type === 'array' || Array.isArray(type);
    rules.set(name, { nullable: meta.nullable === true, nested: asDtoClass(Array.isArray(type) ? type[0] : type), isArray });
  }
  // validated but undocumented properties: never nullable
  for (const meta of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    if (!rules.has(meta.propertyName)) rules.set(meta.propertyName, { nullable: false, nested: null, isArray: false });
  }
  rulesCache.set(dto, rules);
  return rules;
}

function nullError(property: string, message: string): ValidationError {
  const error = new ValidationError();
  error.property = property;
  error.constraints = { isNotNull: message };
  error.children = [];
  return error;
}

function wrap(property: string, children: ValidationError[]): ValidationError {
  const error = new ValidationError();
  error.property = property;
  error.children = children;
  return error;
}

/** Items of an array property: null items are refused, objects are checked against the nested DTO. */
function arrayErrors(items: unknown[], nested: DtoClass | null): ValidationError[] {
  const errors: ValidationError[] = [];
  items.forEach((item, index) => {
    if (item === null) errors.push(nullError(String(index), 'a list item may not be null'));
    else if (nested && typeof item === 'object' && !Array.isArray(item)) {
      const children = nullFieldErrors(nested, item);
      if (children.length) errors.push(wrap(String(index), children));
    }
  });
  return errors;
}

/**
 * The nulls of `body` that the DTO does not document as nullable, as class-validator errors (so
 * that the global pipe reports them like any other validation failure). Properties the DTO does
 * not know are left to the whitelist, values of the wrong type to the validators.
 */
export function nullFieldErrors(dto: DtoClass, body: unknown): ValidationError[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const rules = propertyRules(dto);
  const errors: ValidationError[] = [];
  for (const [name, value] of Object.entries(body)) {
    const rule = rules.get(name);
    if (!rule) continue;
    if (value === null) {
      if (!rule.nullable) errors.push(nullError(name, `${name} may not be null: give a value, or leave it out`));
    } else if (Array.isArray(value)) {
      if (rule.isArray) {
        const children = arrayErrors(value, rule.nested);
        if (children.length) errors.push(wrap(name, children));
      }
    } else if (typeof value === 'object' && rule.nested) {
      const children = nullFieldErrors(rule.nested, value);
      if (children.length) errors.push(wrap(name, children));
    }
  }
  return errors;
}
