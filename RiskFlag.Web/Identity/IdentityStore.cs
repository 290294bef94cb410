using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RiskFlag.Web.Identity;

/// <summary>Identity's users, roles and claims (EF Core: SQLite by default, PostgreSQL with the decision log's connection string).</summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : IdentityDbContext<IdentityUser>(options);
