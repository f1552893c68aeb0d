//! The `claimgraph` binary: parse the command line, run, print the error chain, exit.

use clap::Parser;

fn main() {
    let cli = claimgraph::cli::Cli::parse();
    match claimgraph::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("claimgraph: error: {e:#}");
            std::process::exit(2);
        }
    }
}
