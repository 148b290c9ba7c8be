from ntm.cli import main

main()
