namespace VoiceHelper.AppHost.Kubernetes;

/// <summary>The Kubernetes object shapes the generator writes, as plain dictionaries for the YAML serializer.</summary>
internal static class KubernetesObjects
{
    public static Dictionary<string, object> Metadata(string name, string component, Dictionary<string, object>? annotations = null)
    {
        var metadata = new Dictionary<string, object> { ["name"] = name, ["labels"] = Labels(component) };
        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }
        return metadata;
    }

    public static Dictionary<string, object> Labels(string component) => new()
    {
        ["app.kubernetes.io/name"] = component,
        ["app.kubernetes.io/part-of"] = "voicehelper",
    };

    public static Dictionary<string, object> SecretEnv(string variable, string key) => new()
    {
        ["name"] = variable,
        ["valueFrom"] = new Dictionary<string, object>
        {
            ["secretKeyRef"] = new Dictionary<string, object> { ["name"] = "voicehelper-parameters", ["key"] = key },
        },
    };

    public static Dictionary<string, object> Env(string name, string value) => new() { ["name"] = name, ["value"] = value };

    public static Dictionary<string, object> ConfigMap(string name, string component, SortedDictionary<string, object> data) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = Metadata(name, component),
        ["data"] = data,
    };

    public static Dictionary<string, object> Probe(string path, int period) => new()
    {
        ["httpGet"] = new Dictionary<string, object> { ["path"] = path, ["port"] = "http" },
        ["periodSeconds"] = period,
        ["failureThreshold"] = 3,
    };

    public static Dictionary<string, object> Deployment(string name, int replicas, Dictionary<string, object> container, List<object>? volumes) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = Metadata(name, name),
        ["spec"] = new Dictionary<string, object>
        {
            ["replicas"] = replicas,
            ["selector"] = Selector(name),
            ["template"] = PodTemplate(name, container, volumes),
        },
    };

    public static Dictionary<string, object> StatefulSet(string name, Dictionary<string, object> container, List<object>? volumes) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "StatefulSet",
        ["metadata"] = Metadata(name, name),
        ["spec"] = new Dictionary<string, object>
        {
            ["serviceName"] = name,
            ["replicas"] = 1,
            ["selector"] = Selector(name),
            ["template"] = PodTemplate(name, container, volumes),
            ["volumeClaimTemplates"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["metadata"] = new Dictionary<string, object> { ["name"] = "data" },
                    ["spec"] = new Dictionary<string, object>
                    {
                        ["accessModes"] = new List<object> { "ReadWriteOnce" },
                        ["resources"] = new Dictionary<string, object> { ["requests"] = new Dictionary<string, object> { ["storage"] = "10Gi" } },
                    },
                },
            },
        },
    };

    public static Dictionary<string, object> ClusterService(string name, string portName, int port) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Metadata(name, name),
        ["spec"] = new Dictionary<string, object>
        {
            ["selector"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = name },
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = portName, ["port"] = port, ["targetPort"] = port } },
        },
    };

    public static Dictionary<string, object> GatewayService(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Metadata(name, name),
        ["spec"] = new Dictionary<string, object>
        {
            ["type"] = "LoadBalancer",
            ["selector"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = name },
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http" } },
        },
    };

    public static Dictionary<string, object> Autoscaler(string name, int min, int max) => new()
    {
        ["apiVersion"] = "autoscaling/v2",
        ["kind"] = "HorizontalPodAutoscaler",
        ["metadata"] = Metadata(name, name),
        ["spec"] = new Dictionary<string, object>
        {
            ["scaleTargetRef"] = new Dictionary<string, object> { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = name },
            ["minReplicas"] = min,
            ["maxReplicas"] = max,
            ["metrics"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["type"] = "Resource",
                    ["resource"] = new Dictionary<string, object>
                    {
                        ["name"] = "cpu",
                        ["target"] = new Dictionary<string, object> { ["type"] = "Utilization", ["averageUtilization"] = 70 },
                    },
                },
            },
        },
    };

    private static Dictionary<string, object> Selector(string component) => new()
    {
        ["matchLabels"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = component },
    };

    private static Dictionary<string, object> PodTemplate(string name, Dictionary<string, object> container, List<object>? volumes)
    {
        var pod = new Dictionary<string, object> { ["containers"] = new List<object> { container } };
        if (volumes is not null)
        {
            pod["volumes"] = volumes;
        }
        return new Dictionary<string, object>
        {
            ["metadata"] = new Dictionary<string, object> { ["labels"] = Labels(name) },
            ["spec"] = pod,
        };
    }
}
