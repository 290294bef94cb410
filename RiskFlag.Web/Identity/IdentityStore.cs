using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

using RiskFlag.Web.Audit;
using RiskFlag.Web.Identity.ApiKeys;

namespace RiskFlag.Web.Identity;

/// <summary>
/// Who may use the site and what they did: Identity's users, roles and claims, the services' API keys and the audit
/// trail; and, when the instances share the database, the keys that protect their cookies and tokens (so a sign-in on
/// one instance holds on every other). One subclass per database engine, because each engine has its own migrations (EF Core ties a migration set
/// to a context type).
/// </summary>
public abstract class IdentityStore(DbContextOptions options) : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApiKey>(key =>
        {
            key.Property(k => k.Id).HasMaxLength(32);
            key.Property(k => k.Name).HasMaxLength(100);
            key.Property(k => k.Role).HasMaxLength(32);
            key.Property(k => k.CreatedBy).HasMaxLength(256);
            key.Property(k => k.RevokedBy).HasMaxLength(256);
            key.HasIndex(k => k.Name).IsUnique();
        });
        builder.Entity<AuditRecord>(record =>
        {
            record.Property(r => r.Actor).HasMaxLength(256);
            record.Property(r => r.Action).HasMaxLength(64);
            record.Property(r => r.Target).HasMaxLength(256);
            record.Property(r => r.Detail).HasMaxLength(2000);
            record.HasIndex(r => new { r.Action, r.Id });
        });
    }
}

/// <summary>The single-machine default: a SQLite file (Auth:Database).</summary>
public sealed class SqliteIdentityStore(DbContextOptions<SqliteIdentityStore> options) : IdentityStore(options);

/// <summary>With the decision log on PostgreSQL, users live in the same database.</summary>
public sealed class PostgresIdentityStore(DbContextOptions<PostgresIdentityStore> options) : IdentityStore(options);
