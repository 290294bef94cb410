using RiskFlag.Core.Bundle;
using RiskFlag.Core.Model;

namespace RiskFlag.Web.Serving;

/// <summary>What the site reads of a served generation: the RiskFlag model it loaded and that model's metadata.</summary>
public static class ServedRiskModelExtensions
{
    extension(ServedRiskModel served)
    {
        /// <summary>The site's pool only ever loads model zips through <see cref="ModelLoader"/>, which returns a <see cref="RiskModel"/>.</summary>
        public RiskModel Risk => (RiskModel)served.Model;

        public ModelBundle Bundle => served.Risk.Bundle;

        public BundleManifest Manifest => served.Risk.Manifest;
    }
}
