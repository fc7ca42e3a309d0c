/**
 * ts-morph, loaded with require. It is CommonJS, and an ESM import of it would first have Node scan its megabyte of
 * source for module syntax and export names: about 80 ms of every generation.
 */
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";

export const { printStructure, StructureKind, VariableDeclarationKind, ts } = createRequire(import.meta.url)(
  "ts-morph",
) as typeof TsMorph;
