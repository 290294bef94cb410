using RiskFlag.Tests.Web;

namespace RiskFlag.Tests.WebOutcomes;

/// <summary>A site serving the primary bundle with the secondary one as its challenger, scoring every applicant in shadow.</summary>
public class ShadowSite : ServedSite, IDisposable
{
    private readonly string _challengerDirectory;

    public ShadowSite()
        : this(new Dictionary<string, string?>())
    {
    }

    protected ShadowSite(IReadOnlyDictionary<string, string?> settings)
        : this(Directory.CreateTempSubdirectory("riskflag-challenger-").FullName, settings)
    {
    }

    private ShadowSite(string challengerDirectory, IReadOnlyDictionary<string, string?> settings)
        : base(TrainedBundles.Shared.Primary, new Dictionary<string, string?>(settings) { ["Model:ChallengerPath"] = WriteChallenger(challengerDirectory), ["Shadow:SampleRate"] = "1" })
    {
        _challengerDirectory = challengerDirectory;
    }

    public static string ChampionVersion => TrainedBundles.Shared.Primary.Manifest.Version;

    public static string ChallengerVersion => TrainedBundles.Shared.Secondary.Manifest.Version;

    public new void Dispose()
    {
        base.Dispose();
        Directory.Delete(_challengerDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static string WriteChallenger(string directory)
    {
        var path = Path.Combine(directory, "challenger.zip");
        TrainedBundles.Shared.Secondary.Write(path);
        return path;
    }
}

/// <summary>A shadow site whose backlog holds one applicant: almost every shadow request is dropped.</summary>
public sealed class TinyBacklogShadowSite() : ShadowSite(new Dictionary<string, string?> { ["Shadow:QueueCapacity"] = "1" });
