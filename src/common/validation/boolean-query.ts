/**
 * A query-string flag: « true » and « false » become booleans (for @IsBoolean), anything else is left
 * as sent so that validation refuses it with the field's name (400 VALIDATION_FAILED).
 */
export const toBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
