for sm in 0.1 0.5; do for u in 0.001 0.002 0.004; do for b in 0.05 0.1 0.2; do
g="{\"smoothing\":$sm,\"unseen\":$u,\"background\":$b}"
r=$(GRID=$g timeout 600 npx tsx regress.local.mts 2>&1 | tail -1)
echo "$g $r"
done; done; done
