/**
 * A value one step of the build works out and later steps read
 * (`broadsheet.ts` wires them). The step that works it out holds `set`; the
 * steps that read it are given `read` alone, so none can change it, and one
 * that reads it too early fails, naming what it asked for, instead of reading
 * an empty value.
 */
export interface HandOff<T> {
  set(value: T): void;
  read(): T;
}

export function handOff<T>(what: string): HandOff<T> {
  let value: { current: T } | undefined;
  return {
    set: (next) => {
      value = { current: next };
    },
    read: () => {
      if (!value) throw new Error(`${what} was read before the step that works it out ran: see the order of steps in src/integrations/broadsheet.ts`);
      return value.current;
    },
  };
}
