import { fromHex, hexOf, type Sha256 } from "./sha256";

// RFC 6962 §2.1 (Certificate Transparency): leaves are hashed as SHA-256(0x00 ‖ data), inner
// nodes as SHA-256(0x01 ‖ left ‖ right); a tree of n leaves splits at the largest power of two
// below n. Leaf hashes here are the log records' own hashes (see log-record.ts).
function nodeInput(left: Uint8Array, right: Uint8Array): Uint8Array {
  const node = new Uint8Array(1 + left.length + right.length);
  node[0] = 1;
  node.set(left, 1);
  node.set(right, 1 + left.length);
  return node;
}

function nodeHash(sha256: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(nodeInput(left, right));
}

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The Merkle tree hash of the given leaf hashes (hex), bottom-up in one pass per level. */
export function merkleRoot(sha256: Sha256, leafHashes: readonly string[]): string {
  if (leafHashes.length === 0) return hexOf(sha256(new Uint8Array(0)));
  return hexOf(subtreeRoot(sha256, leafHashes.map(fromHex)));
}

function subtreeRoot(sha256: Sha256, leaves: readonly Uint8Array[]): Uint8Array {
  // Iterative RFC 6962: pair neighbours level by level; an odd last node rises unchanged. This
  // equals the recursive definition (the split at the largest power of two) for every n.
  let level = leaves;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(sha256, level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/**
 * The Merkle tree hashes of many trees (leaf hashes as bytes), equal to merkleRoot's for each:
 * every tree climbs one level per round, and a round's inner nodes of all trees are hashed in
 * one batch, so a verifier asks its hasher a handful of times rather than once per node.
 */
export async function merkleRoots(
  sha256Many: (items: readonly Uint8Array[]) => Promise<readonly Uint8Array[]>,
  trees: readonly (readonly Uint8Array[])[],
): Promise<Uint8Array[]> {
  const levels = trees.map((leaves) => leaves);
  if (levels.some((leaves) => leaves.length === 0)) {
    const [empty] = await sha256Many([new Uint8Array(0)]);
    levels.forEach((leaves, t) => {
      if (leaves.length === 0) levels[t] = [empty!];
    });
  }
  for (;;) {
    const inputs: Uint8Array[] = [];
    for (const level of levels)
      for (let i = 0; i + 1 < level.length; i += 2) inputs.push(nodeInput(level[i]!, level[i + 1]!));
    if (inputs.length === 0) break;
    const hashed = await sha256Many(inputs);
    let at = 0;
    levels.forEach((level, t) => {
      if (level.length <= 1) return;
      const next: Uint8Array[] = [];
      for (let i = 0; i + 1 < level.length; i += 2) next.push(hashed[at++]!);
      // As in subtreeRoot: an odd last node rises unchanged.
      if (level.length % 2 === 1) next.push(level[level.length - 1]!);
      levels[t] = next;
    });
  }
  return levels.map((level) => level[0]!);
}

/** The audit path of leaf `index` (RFC 6962 §2.1.1): sibling hashes from the leaf upward. */
export function inclusionProof(sha256: Sha256, leafHashes: readonly string[], index: number): string[] {
  if (index < 0 || index >= leafHashes.length) throw new Error(`no leaf ${index} in a tree of ${leafHashes.length}`);
  const path: Uint8Array[] = [];
  const walk = (leaves: readonly Uint8Array[], at: number): void => {
    if (leaves.length <= 1) return;
    const k = splitPoint(leaves.length);
    if (at < k) {
      walk(leaves.slice(0, k), at);
      path.push(subtreeRoot(sha256, leaves.slice(k)));
    } else {
      walk(leaves.slice(k), at - k);
      path.push(subtreeRoot(sha256, leaves.slice(0, k)));
    }
  };
  walk(leafHashes.map(fromHex), index);
  return path.map(hexOf);
}

/**
 * Recomputes the root from a leaf and its audit path (RFC 9162 §2.1.3.2) and compares it with
 * the signed root. Browsers run this too, so the hash is passed in.
 */
export function verifyInclusion(
  sha256: Sha256,
  proof: { leafHash: string; index: number; treeSize: number; path: readonly string[] },
  root: string,
): boolean {
  const { index, treeSize, path } = proof;
  if (index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = fromHex(proof.leafHash);
  for (const siblingHex of path) {
    if (sn === 0) return false;
    const sibling = fromHex(siblingHex);
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(sha256, sibling, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(sha256, r, sibling);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && hexOf(r) === root;
}
