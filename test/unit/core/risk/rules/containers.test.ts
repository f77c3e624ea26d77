// Containers and Kubernetes, on hand-built segments: what is removed, what runs with access to this machine, what
// changes a cluster, and production named anywhere in the command or the stage that feeds it.
import { describe, expect, it } from 'vitest';
import { PROJECT, testEngine } from '../../../../support/risk.ts';

const engine = testEngine();
const score = (cmd: string) => engine.assess(cmd, PROJECT);

describe('containers', () => {
  it.each([
    ['podman system reset -f', 'critical'],
    ['docker system prune -af --volumes', 'critical'],
    ['docker compose down', 'medium'],
    ['docker compose down -v', 'high'],
    ['docker run --rm -it ubuntu:24.04 bash', 'medium'],
    ['docker run -v /:/host alpine', 'high'],
    ['docker run -v /var/run/docker.sock:/var/run/docker.sock alpine', 'high'],
    ['docker run -v /home/dev/project:/app node:22 npm test', 'medium'],
    ['docker pull postgres:16', 'medium'],
    ['docker inspect db --format={{.Config.Env}}', 'medium'],
    ['docker inspect db --format={{.State.Health.Status}}', 'low'],
    ['docker buildx build --push -t acme/app .', 'high'],
    ['docker build -t app .', 'low'],
    ['docker ps -a', 'low'],
    ['docker compose up -d', 'low'],
    ['docker network create dev', 'medium'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));
});

describe('Kubernetes', () => {
  it.each([
    ['kubectl delete pod api-7d9f -n prod --dry-run=client', 'low'],
    ['kubectl delete pod api-7d9f -n prod', 'critical'],
    ['kubectl rollout status deploy/api -n production', 'low'],
    ['kubectl rollout restart deploy/api -n production', 'high'],
    ['kubectl create clusterrolebinding x --clusterrole=cluster-admin --serviceaccount=default:default', 'high'],
    ['kubectl scale deploy/api --replicas=0', 'high'],
    ['kubectl get secrets -n staging', 'medium'],
    ['kubectl config use-context production', 'medium'],
    ['kubectl port-forward svc/postgres 5432:5432', 'medium'],
    ['kubectl auth can-i delete pods -n prod', 'low'],
    ['helm get values api -n staging', 'medium'],
    ['helm upgrade api ./chart --dry-run', 'low'],
    ['helm uninstall api -n prod', 'critical'],
    ['kind create cluster --name dev', 'medium'],
    // Low only for what is known to read.
    ['helm list -A', 'low'],
    ['helm repo list', 'low'],
    ['helm repo update', 'medium'],
    ['helm registry login ghcr.io', 'medium'],
    ['kind get clusters', 'low'],
    ['minikube status', 'low'],
    ['minikube mount /:/host', 'medium'],
  ])('%s is %s', (cmd, level) => expect(score(cmd).level).toBe(level));

  it('counts production named by the stage that feeds the command', () => {
    expect(score('kustomize build overlays/production | kubectl apply -f -').level).toBe('high');
    expect(score('kustomize build overlays/dev | kubectl apply -f -').level).toBe('medium');
  });
});
