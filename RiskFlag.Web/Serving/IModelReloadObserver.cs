namespace RiskFlag.Web.Serving;

/// <summary>Told about every load attempt of every named model (metrics, for instance).</summary>
public interface IModelReloadObserver
{
    void OnReload(string modelName, ReloadEvent reload);
}
