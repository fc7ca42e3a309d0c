/**
 * OpenAPI says operationIds are unique; real specs break that, and the plan then gives the later operation a numbered
 * method name (`getPet2`). The rename is a repaired spec flaw: a located warning naming both operations and the new
 * name (an error under `strict`), so the user knows which call is which before reading the output.
 */
import type { SourcePlace } from "../errors.js";
import type { Leniency } from "../load/leniency.js";
import type { OperationModel } from "../model/types.js";
import type { ClientPlan } from "./index.js";
import { camelCase, safeIdentifier } from "./names.js";

const route = (operation: OperationModel): string => `${operation.method.toUpperCase()} ${operation.path}`;

export function checkRenamedOperations(
  plan: ClientPlan,
  locate: (pointer: string) => SourcePlace,
  leniency: Leniency,
): void {
  const wantedName = (operation: OperationModel): string | undefined =>
    operation.operationId === undefined ? undefined : safeIdentifier(camelCase(operation.operationId), "operation");
  const owners = new Map(plan.operations.map((planned) => [planned.functionName, planned.operation]));
  for (const planned of plan.operations) {
    const wanted = wantedName(planned.operation);
    if (wanted === undefined || wanted === planned.functionName) continue;
    const owner = owners.get(wanted);
    const other = owner === undefined ? "another operation" : route(owner);
    const id = JSON.stringify(planned.operation.operationId);
    leniency.tolerate(
      locate(`${planned.operation.pointer}/operationId`),
      `operationId ${id} of ${route(planned.operation)} names the same method as ${other}; operationIds must be unique`,
      `operationId ${id} of ${route(planned.operation)} names the same method as ${other}; this one is named ${planned.functionName}`,
    );
  }
}
