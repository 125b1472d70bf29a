using System.Collections.Concurrent;
using Gateway.Radio.Zigbee.Protocol.Commands;

namespace Gateway.Radio.Zigbee.Simulator;

/// <summary>
/// A Zigbee device behind the simulated coordinator: joins, answers the ZDO interview (node descriptor, active
/// endpoints, simple descriptors), receives AF data and answers through <see cref="ApplicationHandler"/>. It can be
/// slow (<see cref="AnswerDelay"/>), ignore some interview requests, or be out of reach altogether.
/// </summary>
public sealed class SimulatedNode(ulong ieee, ushort networkAddress, IReadOnlyList<SimpleDescriptor> endpoints)
{
    /// <summary>MAC capabilities of a mains-powered router: alternate PAN coordinator off, router, mains, receiver on, allocate address.</summary>
    public const byte RouterCapabilities = 0x8E;

    /// <summary>MAC capabilities of a sleepy battery end device: allocate address only.</summary>
    public const byte SleepyEndDeviceCapabilities = 0x80;

    public ulong Ieee => ieee;

    public ushort NetworkAddress { get; set; } = networkAddress;

    public IReadOnlyList<SimpleDescriptor> Endpoints => endpoints;

    public ZigbeeLogicalType LogicalType { get; init; } = ZigbeeLogicalType.Router;

    public byte MacCapabilities { get; init; } = RouterCapabilities;

    public ushort ManufacturerCode { get; init; } = 0x1135;

    /// <summary>How long each ZDO or application answer takes.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>Out of reach: no interview answers, AF data not acknowledged.</summary>
    public bool Unreachable { get; set; }

    /// <summary>The next this many ZDO interview requests go unanswered (a sleepy device that missed them).</summary>
    public int IgnoreInterviewRequests { get; set; }

    /// <summary>Answers to an application frame (endpoint, cluster, payload) → frames sent back from that endpoint, each on its cluster.</summary>
    public Func<byte, ushort, byte[], IReadOnlyList<(ushort Cluster, byte[] Payload)>>? ApplicationHandler { get; set; }

    /// <summary>Application frames received: endpoint, cluster, payload.</summary>
    public ConcurrentQueue<(byte Endpoint, ushort Cluster, byte[] Payload)> ApplicationFrames { get; } = new();

    public int InterviewRequests;

    /// <summary>True when this ZDO request is answered (and counts it).</summary>
    internal bool AnswersInterviewRequest()
    {
        Interlocked.Increment(ref InterviewRequests);
        if (Unreachable) return false;
        if (IgnoreInterviewRequests > 0)
        {
            IgnoreInterviewRequests--;
            return false;
        }
        return true;
    }
}
