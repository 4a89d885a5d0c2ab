/** A valid answer to every question of the demo election (provisioning's demoElection). */
export const demoBallot = {
  answers: {
    mascot: { choices: ["heron"] },
    parks: { choices: ["riverside"] },
    "council-chair": { choices: ["ada", "chen"] },
  },
};
