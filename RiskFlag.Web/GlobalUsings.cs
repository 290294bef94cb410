// The site serves one input/output pair; these names keep its signatures readable.
global using RiskEnginePool = RiskFlag.Web.Serving.PredictionEnginePool<RiskFlag.Core.Model.ApplicantInput, RiskFlag.Core.Model.RiskPrediction>;
global using ServedRiskModel = RiskFlag.Web.Serving.ServedModel<RiskFlag.Core.Model.ApplicantInput, RiskFlag.Core.Model.RiskPrediction>;
