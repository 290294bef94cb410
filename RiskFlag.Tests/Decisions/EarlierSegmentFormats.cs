using RiskFlag.Core.Decisions;

namespace RiskFlag.Tests.Decisions;

/// <summary>
/// Segments as earlier versions wrote them (BinaryWriter's encoding): format 1 without ids, format 2 with the decision
/// id and the applicant's Id after the reasons, but no instance.
/// </summary>
public static class EarlierSegmentFormats
{
    public static byte[] Write(IEnumerable<DecisionRecord> records, int format)
    {
        Assert.InRange(format, 1, 2);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            foreach (var r in records)
            {
                var a = r.Applicant;
                writer.Write(r.DecidedAt.ToUnixTimeMilliseconds());
                writer.Write(r.Channel);
                writer.Write(r.ModelVersion);
                writer.Write(r.RequestId);
                writer.Write(a.Income);
                writer.Write7BitEncodedInt(a.Age);
                writer.Write7BitEncodedInt(a.Experience);
                writer.Write((byte)a.MaritalStatus);
                writer.Write((byte)a.HouseOwnership);
                writer.Write(a.OwnsCar);
                writer.Write(a.Profession);
                writer.Write(a.City);
                writer.Write(a.State);
                writer.Write7BitEncodedInt(a.CurrentJobYears);
                writer.Write7BitEncodedInt(a.CurrentHouseYears);
                writer.Write(r.Probability);
                writer.Write(r.Threshold);
                writer.Write(r.Flag);
                writer.Write(r.TopFactors);
                if (format == 2)
                {
                    writer.Write(r.DecisionId.ToByteArray(bigEndian: true));
                    writer.Write(r.ApplicantId);
                }
            }
        }

        return stream.ToArray();
    }
}
