namespace Talks.Api.Records;

public static class Children
{
    /// <summary>
    /// Makes a tracked child list match the desired one by key: removes the missing, updates the kept, adds the new.
    /// Replacing the list wholesale would make EF track two rows with one key when a child is kept.
    /// </summary>
    public static void Sync<T, TKey>(this List<T> current, IReadOnlyList<T> desired, Func<T, TKey> key, Action<T, T> copy)
        where TKey : notnull
    {
        var wanted = new Dictionary<TKey, T>();
        foreach (var item in desired)
        {
            wanted[key(item)] = item;
        }

        current.RemoveAll(c => !wanted.ContainsKey(key(c)));
        var kept = current.ToDictionary(key);
        foreach (var (k, item) in wanted)
        {
            if (kept.TryGetValue(k, out var existing))
            {
                copy(item, existing);
            }
            else
            {
                current.Add(item);
            }
        }
    }
}
