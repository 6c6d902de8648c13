/**
 * `compute`, remembered per object: drafts and rule data are read-only once made, so what is
 * worked out from one (a skeleton, a phrase matcher) is kept while the object lives.
 */
export function memoizeByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}
