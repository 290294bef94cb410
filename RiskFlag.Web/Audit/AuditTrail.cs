using Microsoft.EntityFrameworkCore;

using RiskFlag.Web.Identity;

namespace RiskFlag.Web.Audit;

/// <summary>
/// Writes and reads the audit records. A record is written before the audited thing is handed out (an export starts
/// streaming only once its record is stored), so nothing audited can happen unrecorded.
/// </summary>
public sealed class AuditTrail(IdentityStore store, TimeProvider clock)
{
    public const int PageSize = 100;

    public async Task RecordAsync(string actor, string action, string target, string detail, CancellationToken cancellationToken = default)
    {
        store.AuditRecords.Add(new AuditRecord
        {
            At = clock.GetUtcNow(),
            Actor = Clip(actor, 256),
            Action = action,
            Target = Clip(target, 256),
            Detail = Clip(detail, 2000),
        });
        await store.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first, <see cref="PageSize"/> at a time: <paramref name="before"/> is the last id of the page before (a seek, not an offset).</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(string? action, long? before, CancellationToken cancellationToken = default)
    {
        var records = store.AuditRecords.AsNoTracking();
        if (!string.IsNullOrEmpty(action))
        {
            records = records.Where(r => r.Action == action);
        }

        if (before is { } id)
        {
            records = records.Where(r => r.Id < id);
        }

        return await records.OrderByDescending(r => r.Id).Take(PageSize).ToListAsync(cancellationToken);
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
