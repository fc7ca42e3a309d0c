/**
 * Follows every `$ref` of a multi-file spec from the main file through each part of another file it reaches, reading
 * each file once, and stops at the first ref that leads nowhere with a SpecError naming the file that wrote the ref,
 * its line:column and pointer. Parts of other files that nothing reaches are not checked (they are not part of the API).
 */
import { SpecError } from "../errors.js";
import { resolvePointer } from "../spec/pointer.js";
import { collectRefs } from "./refs.js";
import type { SourceSet } from "./sources.js";
import { loadRefTarget, type Origin } from "./targets.js";

export async function followRefs(sources: SourceSet): Promise<void> {
  const walked = new Map<string, string[]>();
  const queue: Origin[] = [{ id: sources.main.id, pointer: "" }];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (isWithinWalked(walked, next)) continue;
    walked.set(next.id, [...(walked.get(next.id) ?? []), next.pointer]);
    const file = sources.get(next.id);
    if (!file) continue;
    for (const site of collectRefs(resolvePointer(file.value, next.pointer), { mappings: true })) {
      const found = await loadRefTarget(sources, file.id, site.ref);
      if (!found.ok)
        throw new SpecError(
          `broken $ref ${JSON.stringify(site.ref)}: ${found.reason}`,
          file.locate(next.pointer + site.pointer),
        );
      queue.push(found.target);
    }
  }
}

/** A part inside a part already walked has had its refs followed. */
function isWithinWalked(walked: ReadonlyMap<string, readonly string[]>, origin: Origin): boolean {
  return (walked.get(origin.id) ?? []).some(
    (pointer) => origin.pointer === pointer || origin.pointer.startsWith(`${pointer}/`),
  );
}
