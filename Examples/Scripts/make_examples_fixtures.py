"""The seed's four programs in PyTorch, each seeded at its start, for the ember-examples tests.

Run from the repository root with a Python that has torch:
    python Examples/Scripts/make_examples_fixtures.py
Writes Examples/Tests/EmberExamplesTests/Fixtures/examples.json: final losses, fitted
parameters and accuracy per seed (the programs as ../shared/anchors/torch_seed.py runs them,
with torch.manual_seed(seed) right before each one, as `ember-examples --seed N` does)."""
import csv, json, os
import torch, torch.nn as nn, torch.optim as optim
from torch.utils.data import Dataset, DataLoader

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
IRIS = os.path.join(ROOT, 'Datasets', 'CSV', 'Sources', 'EmberCSV', 'Resources', 'Iris.csv')
OUT = os.path.join(ROOT, 'Examples', 'Tests', 'EmberExamplesTests', 'Fixtures', 'examples.json')

class Pairs(Dataset):
    def __init__(self, x, y): self.x, self.y = x, y
    def __len__(self): return self.x.shape[0]
    def __getitem__(self, i): return self.x[i], self.y[i]

def train(model, opt, crit, x, y, epochs):
    loader = DataLoader(Pairs(x, y), batch_size=100)
    for _ in range(epochs):
        for xb, yb in loader:
            loss = crit(model(xb), yb); opt.zero_grad(); loss.backward(); opt.step()
    return loss.item()

def linear_regression(epochs=100):
    x = torch.unsqueeze(torch.linspace(-1, 1, 100), dim=1)
    y = 5 + 5 * x + 5 * torch.rand(x.size())
    m = nn.Linear(1, 1)
    loss = train(m, optim.SGD(m.parameters(), lr=0.2), nn.MSELoss(), x, y, epochs)
    return {'loss': loss, 'weight': m.weight.item(), 'bias': m.bias.item()}

def logistic_regression(epochs=100):
    rows = list(csv.DictReader(open(IRIS)))[:100]
    x = torch.tensor([[float(r['SepalLengthCm']), float(r['SepalWidthCm'])] for r in rows])
    y = torch.cat([torch.zeros(50), torch.ones(50)]).view(-1, 1)
    m = nn.Sequential(nn.Linear(2, 1), nn.Sigmoid())
    loss = train(m, optim.SGD(m.parameters(), lr=0.2), nn.BCELoss(), x, y, epochs)
    accuracy = ((m(x) > 0.5).float() == y).float().mean().item()
    return {'loss': loss, 'accuracy': accuracy}

def neural_network(epochs=1000):
    x = torch.unsqueeze(torch.linspace(-10, 10, 100), dim=1)
    y = torch.sin(x) + 0.5 * torch.rand(x.size())
    m = nn.Sequential(nn.Linear(1, 200), nn.ReLU(), nn.Linear(200, 100), nn.ReLU(), nn.Linear(100, 1))
    loss = train(m, optim.Adam(m.parameters(), lr=0.01), nn.MSELoss(), x, y, epochs)
    return {'loss': loss}

def bce():
    x = torch.tensor([-4.5, 0.7, 3.3]); y = torch.tensor([1., 0., 1.])
    by_module = nn.BCELoss()(nn.Sigmoid()(x), y).item()
    p = torch.sigmoid(x)
    by_hand = (-(y * torch.log(p) + (1 - y) * torch.log(1 - p))).mean().item()
    return {'module': by_module, 'formula': by_hand}

out = {'bce': bce()}
for seed in [0, 1]:
    for name, f, kw in [('linear-regression', linear_regression, {}), ('logistic-regression', logistic_regression, {}),
                        ('neural-network', neural_network, {}), ('neural-network-short', neural_network, {'epochs': 50})]:
        torch.manual_seed(seed)
        out[f'{name}/{seed}'] = f(**kw)
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as fh:
    json.dump(out, fh, indent=1)
print(json.dumps(out, indent=1))
